using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tests.Fakes;

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
        var backend = new MachineBootBackend(store);

        BootRecord? found = await backend.FindByMacAsync(MacAddress.Parse("52-54-00-12-34-56"), TestContext.Current.CancellationToken);
        BootRecord? unknown = await backend.FindByMacAsync(MacAddress.Parse("52:54:00:12:34:57"), TestContext.Current.CancellationToken);

        Assert.Equal(new BootRecord("abc123", "node1", MachineStatus.New, MachineStatus.New, "amd64/generic", "ubuntu", "jammy", "", false), found);
        Assert.Null(unknown);
    }
}
