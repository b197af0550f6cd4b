using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
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

    [Theory]
    [InlineData("efi", "uefi")]
    [InlineData("pcbios", "pxe")]
    [InlineData("${platform}", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_ipxe_platform_gives_maas_bios_boot_method(string? platform, string? method) =>
        Assert.Equal(method, BiosBootMethods.FromIpxePlatform(platform));
}
