using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Deployment;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Networks;

/// <summary>
/// MAAS's initial networking after commissioning, through the API and the metadata flow: the commissioning output of
/// a qemu VM reports <c>ens3</c> with 192.168.122.50/24; the machine JSON then shows the boot interface with one AUTO
/// link on 192.168.122.0/24 and no address; deploy gives that link an address of the subnet and release gives it back.
/// </summary>
public sealed class InitialLinkTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string ReportedCidr = "192.168.122.0/24";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commissioned_machine_has_an_auto_link_on_the_subnet_it_reported_which_deploy_fills_and_release_empties()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var api = new NetworkClient(host.Client(admin.ApiKey));
        long subnet = (await api.CreateSubnetAsync(ReportedCidr)).GetProperty("id").GetInt64();
        await host.AddDeployImageAsync("ubuntu/noble");
        Machine machine = await host.MachineAsync(admin, commissioning: false);

        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("COMMISSIONING")).EnsureSuccessStatusCode();
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0);
        JsonElement commissioned = await NetworkClient.OkAsync(api.GetAsync($"machines/{machine.SystemId}/"));

        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        (JsonArray testing, _) = await node.ScriptsAsync("testing");
        await node.ReportAllAsync(testing, _ => 0);
        (await node.SignalAsync("OK", [("error", "All scripts successfully ran")])).EnsureSuccessStatusCode();
        Assert.Equal(MachineStatus.Ready, (await host.ReloadAsync(machine.SystemId)).Status);

        JsonElement nic = Assert.Single(commissioned.GetProperty("interface_set").EnumerateArray().ToList());
        Assert.Equal(("ens3", "52:54:00:ab:cd:ef"), (nic.GetProperty("name").GetString(), nic.GetProperty("mac_address").GetString()));
        Assert.Equal(nic.GetProperty("id").GetInt64(), commissioned.GetProperty("boot_interface").GetProperty("id").GetInt64());
        JsonElement link = Assert.Single(nic.GetProperty("links").EnumerateArray().ToList());
        Assert.Equal("auto", link.GetProperty("mode").GetString());
        Assert.Equal((ReportedCidr, subnet), (link.GetProperty("subnet").GetProperty("cidr").GetString(), link.GetProperty("subnet").GetProperty("id").GetInt64()));
        Assert.False(link.TryGetProperty("ip_address", out _), "an AUTO link has no address before deployment");

        JsonElement deploying = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy"));
        string? claimed = AutoAddress(deploying);
        JsonElement subnetDeployed = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));
        JsonElement released = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=release"));
        JsonElement subnetReleased = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));
        JsonElement afterRelease = await NetworkClient.OkAsync(api.GetAsync($"machines/{machine.SystemId}/"));

        static bool Lists(JsonElement addresses, string? ip) => addresses.EnumerateArray().Any(a => a.GetProperty("ip").GetString() == ip);
        Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());
        Assert.StartsWith("192.168.122.", claimed, StringComparison.Ordinal);
        Assert.NotEqual("192.168.122.50", claimed); // the address it had while commissioning is only discovered, not kept
        Assert.True(Lists(subnetDeployed, claimed), $"the subnet lists {claimed} while the machine deploys");
        Assert.Contains(released.GetProperty("status_name").GetString(), new[] { "Ready", "Releasing" });
        Assert.Null(AutoAddress(afterRelease));
        Assert.False(Lists(subnetReleased, claimed), $"the subnet no longer lists {claimed} after release");
    }

    /// <summary>The address of the boot interface's single AUTO link in a machine's JSON, null when it has none.</summary>
    private static string? AutoAddress(JsonElement machine)
    {
        JsonElement link = Assert.Single(machine.GetProperty("boot_interface").GetProperty("links").EnumerateArray().ToList());
        Assert.Equal("auto", link.GetProperty("mode").GetString());
        return link.TryGetProperty("ip_address", out JsonElement ip) ? ip.GetString() : null;
    }
}
