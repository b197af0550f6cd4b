using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Deployment;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Networks;

/// <summary>
/// The boot interface recorded as MAAS records it: a machine with two NICs that network-booted from the second one
/// (both MACs known from enlistment) reports <c>BOOTIF</c> with that NIC's MAC in <c>maas-kernel-cmdline</c>'s output; the machine JSON's
/// <c>boot_interface</c> is then that NIC, commissioning's initial AUTO link is on it (the first NIC gets LINK_UP), and
/// deployment gives that link its address, which the installer's network configuration carries.
/// </summary>
public sealed class BootInterfaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string FirstCidr = "192.168.122.0/24";
    private const string BootCidr = "192.168.123.0/24";
    private const string BootMac = "52:54:00:ab:cd:f0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_machine_that_booted_from_its_second_nic_has_it_as_boot_interface_with_the_auto_link_and_deploys_on_it()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var api = new NetworkClient(host.Client(admin.ApiKey));
        await api.CreateSubnetAsync(FirstCidr);
        long bootSubnet = (await api.CreateSubnetAsync(BootCidr)).GetProperty("id").GetInt64();
        await host.AddDeployImageAsync("ubuntu/noble");
        Machine machine = await host.MachineAsync(admin, commissioning: false);
        // Enlistment's machines create carries every MAC of the machine (maas-enlist's mac_addresses).
        machine = await host.ReloadAsync(machine.SystemId);
        machine.Interfaces.Clear();
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:ab:cd:ef") });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse(BootMac) });
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);

        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("COMMISSIONING")).EnsureSuccessStatusCode();
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0, stdout: name => name switch
        {
            "maas-kernel-cmdline" => Encoding.UTF8.GetBytes($"root=squash:http://10.0.0.1:5248/images/x ip=::::n1:BOOTIF ip6=off BOOTIF=01-{BootMac.Replace(':', '-')}\n"),
            "50-maas-01-commissioning" => TwoNics(),
            _ => null,
        });
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        (JsonArray testing, _) = await node.ScriptsAsync("testing");
        await node.ReportAllAsync(testing, _ => 0);
        (await node.SignalAsync("OK", [("error", "All scripts successfully ran")])).EnsureSuccessStatusCode();
        Assert.Equal(MachineStatus.Ready, (await host.ReloadAsync(machine.SystemId)).Status);
        JsonElement ready = await NetworkClient.OkAsync(api.GetAsync($"machines/{machine.SystemId}/"));

        JsonElement boot = ready.GetProperty("boot_interface");
        Assert.Equal(("ens4", BootMac), (boot.GetProperty("name").GetString(), boot.GetProperty("mac_address").GetString()));
        Assert.Equal([("auto", BootCidr)], Links(boot));
        JsonElement first = ready.GetProperty("interface_set").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "ens3");
        Assert.Equal([("link_up", FirstCidr)], Links(first));

        JsonElement deploying = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy"));
        JsonElement link = Assert.Single(deploying.GetProperty("boot_interface").GetProperty("links").EnumerateArray().ToList());
        string? claimed = link.TryGetProperty("ip_address", out JsonElement ip) ? ip.GetString() : null;
        Assert.StartsWith("192.168.123.", claimed, StringComparison.Ordinal);
        Assert.Equal(bootSubnet, link.GetProperty("subnet").GetProperty("id").GetInt64());
        using HttpResponseMessage userData = await node.GetAsync("MAAS/metadata/curtin/2012-03-01/user-data");
        Assert.Equal(HttpStatusCode.OK, userData.StatusCode);
        string installer = await userData.Content.ReadAsStringAsync(Ct);
        Assert.Contains(claimed!, installer, StringComparison.Ordinal);
        Assert.Contains(BootMac, installer, StringComparison.Ordinal);
    }

    private static (string?, string?)[] Links(JsonElement nic) =>
        [.. nic.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("mode").GetString(), l.TryGetProperty("subnet", out JsonElement s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("cidr").GetString() : null))];

    /// <summary>The qemu VM's resources document with a second NIC, <c>ens4</c>, holding 192.168.123.60/24.</summary>
    private static byte[] TwoNics()
    {
        JsonNode document = JsonNode.Parse(RemoteScriptsClient.DefaultStdout("50-maas-01-commissioning"))!;
        JsonObject network = document["resources"]!["network"]!.AsObject();
        JsonObject card = network["cards"]![0]!.DeepClone().AsObject();
        card["pci_address"] = "0000:00:04.0";
        card["ports"]![0]!["id"] = "ens4";
        card["ports"]![0]!["address"] = BootMac;
        network["cards"]!.AsArray().Add(card);
        network["total"] = 2;
        JsonObject nic = document["networks"]!["ens3"]!.DeepClone().AsObject();
        nic["hwaddr"] = BootMac;
        nic["addresses"]![0]!["address"] = "192.168.123.60";
        document["networks"]!["ens4"] = nic;
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}
