using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class RestoreConfigurationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Restore_networking_keeps_the_physical_interfaces_and_gives_the_boot_interface_an_auto_link()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync(m =>
        {
            m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.9.0.0/24", IpAddress = "10.9.0.7" });
            m.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MachineSeeds.RandomMac(), Links = [new InterfaceLink { Mode = LinkMode.Dhcp }] });
            m.Interfaces.Add(new NetworkInterface { Name = "eth0.10", Type = InterfaceType.Vlan, MacAddress = m.Interfaces[0].MacAddress, Parents = ["eth0"] });
        });

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "restore_networking_configuration");

        var json = await response.OkJsonAsync();
        Assert.Equal(machine.SystemId, json.Str("system_id"));
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(["eth0", "eth1"], stored.Interfaces.Select(i => i.Name));
        InterfaceLink boot = Assert.Single(stored.Interfaces[0].Links);
        Assert.Equal((LinkMode.Auto, "10.9.0.0/24", (string?)null), (boot.Mode, boot.Subnet, boot.IpAddress));
        Assert.Equal(LinkMode.LinkUp, Assert.Single(stored.Interfaces[1].Links).Mode);
        Assert.Equal(MachineStatus.Ready, stored.Status);
    }

    [Fact]
    public async Task Restore_storage_puts_the_default_flat_layout_back_on_the_boot_disk()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync();
        Assert.Empty(machine.BlockDevices[0].Partitions);

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "restore_storage_configuration");

        await response.OkJsonAsync();
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Contains(stored.BlockDevices[0].Partitions, p => p.Filesystem is { MountPoint: "/" });
    }

    [Fact]
    public async Task Restore_default_configuration_restores_both_on_a_failed_testing_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync(m =>
        {
            m.TransitionTo(MachineStatus.Testing, m.Created);
            m.TransitionTo(MachineStatus.FailedTesting, m.Created);
            m.Interfaces.Add(new NetworkInterface { Name = "br0", Type = InterfaceType.Bridge, MacAddress = MachineSeeds.RandomMac(), Parents = ["eth0"] });
        });

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "restore_default_configuration");

        await response.OkJsonAsync();
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(MachineStatus.FailedTesting, stored.Status);
        Assert.Equal("eth0", Assert.Single(stored.Interfaces).Name);
        Assert.NotEmpty(stored.BlockDevices[0].Partitions);
    }

    [Theory]
    [InlineData("restore_networking_configuration", "Machine must be in a ready or failed testing state to restore networking configuration")]
    [InlineData("restore_storage_configuration", "Machine must be in a ready or failed testing state to restore storage configuration.")]
    [InlineData("restore_default_configuration", "Machine must be in a ready or failed testing state to restore default networking and storage configuration.")]
    public async Task Restore_of_an_allocated_machine_is_409_with_MAAS_text_and_changes_nothing(string op, string message)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.AllocatedAsync(admin, m => m.Interfaces.Add(new NetworkInterface { Name = "bond0", Type = InterfaceType.Bond, MacAddress = MachineSeeds.RandomMac() }));

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), op);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, await response.TextAsync());
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(machine.Version, stored.Version);
        Assert.Equal(2, stored.Interfaces.Count);
    }

    [Fact]
    public async Task Restore_by_a_normal_user_is_refused_and_changes_nothing()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();

        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "restore_storage_configuration");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await host.FindAsync(machine.SystemId))!.BlockDevices[0].Partitions);
    }
}
