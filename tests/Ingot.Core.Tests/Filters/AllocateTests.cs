using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Signals;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Filters;

public class AllocateTests
{
    private static readonly DateTime s_now = new(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private static readonly Actor s_alice = Actor.User("alice");
    private readonly InMemoryMachineStore _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MachineOperations Operations => new(_store, new FakeTimeProvider(s_now), LifecycleSettings.Default);

    private async Task<Machine> AddAsync(string systemId, int cpus, long memory, MachineStatus status = MachineStatus.Ready)
    {
        Machine m = MachinesInStatus.Create(status, s_now, systemId);
        m.CpuCount = cpus;
        m.Memory = memory;
        m.BlockDevices.Add(new BlockDevice { Id = systemId.GetHashCode(StringComparison.Ordinal), Name = "sda", SizeBytes = 20_000_000_000, IsBootDisk = true });
        m.Interfaces.Add(new NetworkInterface { Id = 7, Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:00:01") });
        await _store.AddAsync(m, Ct);
        return m;
    }

    [Fact]
    public async Task The_cheapest_matching_machine_is_taken()
    {
        await AddAsync("big001", cpus: 32, memory: 65536);
        await AddAsync("sml001", cpus: 2, memory: 4096);
        await AddAsync("mid001", cpus: 8, memory: 16384);

        Allocation first = await Operations.AllocateAsync(s_alice, AllocationRequest.Of(("cpu_count", "4")), Ct);
        Allocation second = await Operations.AllocateAsync(s_alice, AllocationRequest.Empty, Ct);

        Assert.Equal("mid001", first.Machine.SystemId);
        Assert.Equal("sml001", second.Machine.SystemId);
        Assert.Equal((MachineStatus.Allocated, "alice"), (first.Machine.Status, first.Machine.Owner));
    }

    [Fact]
    public async Task Dry_run_chooses_without_acquiring()
    {
        Machine m = await AddAsync("sml001", cpus: 2, memory: 4096);

        Allocation chosen = await Operations.AllocateAsync(s_alice, AllocationRequest.Of(("dry_run", "true")), Ct);

        Assert.Equal("sml001", chosen.Machine.SystemId);
        Assert.Equal(MachineStatus.Ready, (await _store.FindAsync("sml001", Ct))!.Status);
        Assert.Null(m.Owner);
    }

    [Fact]
    public async Task Storage_and_interface_labels_are_reported_by_id()
    {
        Machine m = await AddAsync("sml001", cpus: 2, memory: 4096);

        Allocation a = await Operations.AllocateAsync(s_alice, AllocationRequest.Of(("storage", "root:10"), ("interfaces", "net:name=eth0")), Ct);

        Assert.Equal([m.BlockDevices[0].Id], a.Storage["root"]);
        Assert.Equal([7L], a.Interfaces["net"]);
    }

    [Fact]
    public async Task Nothing_ready_is_no_machine_available_and_unmatched_constraints_are_described()
    {
        await AddAsync("new001", cpus: 2, memory: 4096, MachineStatus.New);

        var none = await Assert.ThrowsAnyAsync<MachineOperationException>(() => Operations.AllocateAsync(s_alice, null, Ct));
        await AddAsync("sml001", cpus: 2, memory: 4096);
        var unmatched = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Operations.AllocateAsync(s_alice, AllocationRequest.Of(("cpu_count", "10"), ("op", "allocate")), Ct));

        Assert.Equal((ErrorCategory.Conflict, "No machine available."), (none.Category, none.Message));
        Assert.Equal(
            "No available machine matches constraints: [('cpu_count', ['10'])] (resolved to \"cpu_count=10.0\")",
            unmatched.Message);
    }
}
