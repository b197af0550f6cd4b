using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Tags;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Timeouts;

namespace Ingot.Core.Tests.Boot;

public sealed class MachineBootBackendTests
{
    [Fact]
    public async Task A_mac_finds_the_machine_that_carries_it_and_what_it_boots()
    {
        var store = new InMemoryMachineStore();
        Machine machine = Machine.Create("abc123", "node1", DateTime.UnixEpoch);
        machine.Architecture = "amd64/generic";
        machine.Osystem = "ubuntu";
        machine.DistroSeries = "jammy";
        machine.Netboot = false;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:34:56") });
        await store.AddAsync(machine, TestContext.Current.CancellationToken);
        var backend = new MachineBootBackend(store, new InMemoryTagStore());

        BootRecord? found = await backend.FindByMacAsync(MacAddress.Parse("52-54-00-12-34-56"), TestContext.Current.CancellationToken);
        BootRecord? unknown = await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:34:57"), TestContext.Current.CancellationToken);

        Assert.Equal(new BootRecord("abc123", "node1", MachineStatus.New, MachineStatus.New, "amd64/generic", "ubuntu", "jammy", "", false), found);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task The_kernel_options_are_those_of_the_first_tag_by_name_that_has_any()
    {
        var store = new InMemoryMachineStore();
        var tags = new InMemoryTagStore();
        foreach ((string name, string opts) in new[] { ("zeta", "console=ttyS1"), ("alpha", ""), ("beta", "console=ttyS0,115200 nomodeset"), ("other", "quiet") })
        {
            await tags.AddAsync(new Tag { Name = name, KernelOpts = opts }, TestContext.Current.CancellationToken);
        }

        Machine machine = Machine.Create("abc123", "node1", DateTime.UnixEpoch);
        machine.Tags = ["zeta", "alpha", "beta"];
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:34:56") });
        Machine plain = Machine.Create("def456", "node2", DateTime.UnixEpoch);
        plain.Tags = ["alpha"];
        plain.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:34:57") });
        await store.AddAsync(machine, TestContext.Current.CancellationToken);
        await store.AddAsync(plain, TestContext.Current.CancellationToken);
        var backend = new MachineBootBackend(store, tags);

        BootRecord? tagged = await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:34:56"), TestContext.Current.CancellationToken);
        BootRecord? untagged = await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:34:57"), TestContext.Current.CancellationToken);

        Assert.Equal("console=ttyS0,115200 nomodeset", tagged!.KernelOpts);
        Assert.Equal("", untagged!.KernelOpts);
        Assert.Equal("console=ttyS0,115200 nomodeset", BootSelector.Select(tagged, BootDefaults.Maas).KernelOpts);
    }

    [Fact]
    public async Task Recording_the_boot_method_saves_it_on_the_machine_with_the_mac_and_an_unknown_mac_changes_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var store = new InMemoryMachineStore();
        Machine machine = Machine.Create("abc123", "node1", DateTime.UnixEpoch);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:34:56") });
        await store.AddAsync(machine, ct);
        var backend = new MachineBootBackend(store, new InMemoryTagStore());

        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:34:56"), BiosBootMethods.Uefi, null, ct);
        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:34:57"), BiosBootMethods.Pxe, null, ct);

        Assert.Equal("uefi", (await store.FindAsync("abc123", ct))!.BiosBootMethod);
        Assert.Equal("uefi", (await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:34:56"), ct))!.BiosBootMethod);
    }

    [Fact]
    public async Task A_boot_from_the_second_nic_records_it_as_the_boot_interface_and_an_unchanged_boot_saves_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var store = new InMemoryMachineStore();
        Machine machine = Machine.Create("abc124", "node2", DateTime.UnixEpoch);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:35:01") });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:12:35:02") });
        await store.AddAsync(machine, ct);
        var backend = new MachineBootBackend(store, new InMemoryTagStore());
        Assert.Equal("eth0", (await store.FindAsync("abc124", ct))!.BootInterface!.Name);

        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:35:02"), null, null, ct);
        long version = (await store.FindAsync("abc124", ct))!.Version;
        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:35:02"), null, null, ct);

        Machine saved = (await store.FindAsync("abc124", ct))!;
        Assert.Equal(("eth1", MacAddress.Parse("52:54:00:12:35:02")), (saved.BootInterface!.Name, saved.BootInterfaceMac!.Value));
        Assert.Equal("", saved.BiosBootMethod);
        Assert.Equal(version, saved.Version);
        Assert.Equal(MacAddress.Parse("52:54:00:12:35:02"), (await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:35:01"), ct))!.BootInterfaceMac);
    }

    [Fact]
    public async Task A_boot_whose_save_loses_to_another_writer_is_read_again_and_recorded_on_the_machine_as_the_other_writer_left_it()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var store = new RacedStore(() => StoredMachine("52:54:00:12:36:01", PowerState.Off), losses: 2);
        var backend = new MachineBootBackend(store, new InMemoryTagStore(), new ImmediateTimers());

        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:36:01"), BiosBootMethods.Uefi, null, ct);

        Assert.Equal((3, 2), (store.Reads, store.Conflicts));
        Assert.Equal((BiosBootMethods.Uefi, PowerState.Off), (store.Kept!.BiosBootMethod, store.Kept.PowerState));
    }

    [Fact]
    public async Task A_boot_whose_every_save_loses_is_given_up_after_conflict_retry_s_bound_without_an_error()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var store = new RacedStore(() => StoredMachine("52:54:00:12:37:01", PowerState.On), losses: int.MaxValue);
        var backend = new MachineBootBackend(store, new InMemoryTagStore(), new ImmediateTimers());

        await backend.RecordBootAsync(MacAddress.Parse("52:54:00:12:37:01"), BiosBootMethods.Pxe, null, ct);

        Assert.Equal((ConflictRetry.Attempts, ConflictRetry.Attempts), (store.Reads, store.Conflicts));
        Assert.Null(store.Kept);
    }

    /// <summary>A machine with one NIC as the database holds it (saved once), in <paramref name="state"/>.</summary>
    private static Machine StoredMachine(string mac, PowerState state)
    {
        Machine machine = Machine.Create("abc125", "node3", DateTime.UnixEpoch);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse(mac) });
        machine.PowerState = state;
        machine.Saved(1);
        return machine;
    }

    [Theory]
    [InlineData("efi", "uefi")]
    [InlineData("pcbios", "pxe")]
    [InlineData("${platform}", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_ipxe_platform_gives_maas_bios_boot_method(string? platform, string? method) =>
        Assert.Equal(method, BiosBootMethods.FromIpxePlatform(platform));

    /// <summary>
    /// The machine store as a writer racing another one sees it: every read is a fresh copy of the machine as stored
    /// (<paramref name="stored"/>: what the other writer left), the first <paramref name="losses"/> saves lose the
    /// compare-and-set, and a later save is kept (<see cref="Kept"/>).
    /// </summary>
    private sealed class RacedStore(Func<Machine> stored, int losses) : StoreDecorator(new InMemoryMachineStore())
    {
        public int Reads { get; private set; }

        public int Conflicts { get; private set; }

        public Machine? Kept { get; private set; }

        public override Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct)
        {
            Reads++;
            Machine machine = stored();
            return Task.FromResult<Machine?>(machine.Interfaces.Any(i => i.MacAddress == mac) ? machine : null);
        }

        public override Task SaveAsync(Machine machine, CancellationToken ct)
        {
            if (Conflicts < losses)
            {
                Conflicts++;
                return Task.FromException(new MachineConflictException(machine.SystemId, machine.Version));
            }

            Kept = machine;
            return Task.CompletedTask;
        }
    }

    /// <summary>The system clock whose timers fire at once: ConflictRetry's pauses between attempts take no time.</summary>
    private sealed class ImmediateTimers : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
