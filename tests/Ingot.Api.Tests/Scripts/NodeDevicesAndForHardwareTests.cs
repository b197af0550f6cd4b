using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Scripts;

/// <summary>
/// Commissioning output to the API: the PCI/USB devices of <c>machine-resources</c> under
/// <c>nodes/{id}/devices/</c>, <c>for_hardware</c> scripts added once the hardware is known, and
/// <c>skip_storage</c> / <c>skip_networking</c> keeping the configuration. Scripts made here are tagged
/// <c>noauto</c> or carry <c>for_hardware</c>, so other tests' default selections are unchanged.
/// </summary>
public sealed class NodeDevicesAndForHardwareTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    private async Task<(RemoteScriptsClient Node, Machine Machine, HttpClient Admin)> CommissionAsync(params (string Key, string Value)[] options)
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        HttpClient admin = host.Client(user.ApiKey);
        Machine machine = await host.MachineAsync(user, commissioning: false);
        using var commissioned = await admin.PostAsync($"MAAS/api/2.0/machines/{machine.SystemId}/?op=commission", Form(options), Ct);
        Assert.Equal(HttpStatusCode.OK, commissioned.StatusCode);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        return (node, machine, admin);
    }

    private static string[] Names(JsonArray entries) => [.. entries.Select(e => e!["name"]!.GetValue<string>())];

    [Fact]
    public async Task The_devices_machine_resources_reported_are_listed_filtered_read_and_deleted_as_in_MAAS()
    {
        (RemoteScriptsClient node, Machine machine, HttpClient admin) = await CommissionAsync(("testing_scripts", "none"));
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0);
        string devices = $"MAAS/api/2.0/nodes/{machine.SystemId}/devices/";

        JsonElement all = await (await admin.GetAsync(devices, Ct)).OkJsonAsync();
        Assert.Equal(2, all.GetArrayLength());
        JsonElement nic = all[0];
        Assert.Equal((1, "PCIE", "1af4", "1000", "Red Hat, Inc.", "Virtio network device", "virtio-pci", "0000:00:03.0"),
            (nic.GetProperty("bus").GetInt32(), nic.Str("bus_name"), nic.Str("vendor_id"), nic.Str("product_id"), nic.Str("vendor_name"), nic.Str("product_name"), nic.Str("commissioning_driver"), nic.Str("pci_address")));
        Assert.Equal((4, "Network", machine.SystemId, 0), (nic.GetProperty("hardware_type").GetInt32(), nic.Str("hardware_type_name"), nic.Str("system_id"), nic.GetProperty("numa_node").GetInt32()));
        Assert.Equal("52:54:00:ab:cd:ef", nic.GetProperty("physical_interface").Str("mac_address"));
        Assert.Equal(JsonValueKind.Null, nic.GetProperty("physical_blockdevice").ValueKind);
        Assert.Equal(JsonValueKind.Null, nic.GetProperty("bus_number").ValueKind);
        Assert.Equal($"/MAAS/api/2.0/nodes/{machine.SystemId}/devices/{nic.GetProperty("id").GetInt32()}/", nic.Str("resource_uri"));

        Assert.Equal(0, (await (await admin.GetAsync(devices + "?bus=usb", Ct)).OkJsonAsync()).GetArrayLength());
        JsonElement block = Assert.Single((await (await admin.GetAsync(devices + "?vendor_id=1AF4&product_name=virtio%20BLOCK%20device", Ct)).OkJsonAsync()).EnumerateArray());
        Assert.Equal("0000:00:04.0", block.Str("pci_address"));
        Assert.Equal(2, (await (await admin.GetAsync(devices + "?bus=1", Ct)).OkJsonAsync()).GetArrayLength());
        using HttpResponseMessage badBus = await admin.GetAsync(devices + "?bus=isa", Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "Bus must be PCIE or USB."), (badBus.StatusCode, await badBus.Content.ReadAsStringAsync(Ct)));

        Assert.Equal("1001", (await (await admin.GetAsync(devices + "0000:00:04.0/", Ct)).OkJsonAsync()).Str("product_id"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(devices + "99/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(devices + "a:b/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("MAAS/api/2.0/nodes/nosuch/devices/", Ct)).StatusCode);

        HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.DeleteAsync(devices + "0000:00:04.0/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(devices + "0000:00:04.0/", Ct)).StatusCode);
        Assert.Equal(["0000:00:03.0"], (await host.ReloadAsync(machine.SystemId)).NodeDevices.Select(d => d.PciAddress));
    }

    [Fact]
    public async Task A_for_hardware_script_with_a_requested_tag_joins_the_set_once_commissioning_has_reported_matching_hardware()
    {
        ApiUser owner = await host.CreateUserAsync(isAdmin: true);
        HttpClient scripts = host.Client(owner.ApiKey);
        foreach ((string name, string vendor) in new[] { ("qemu-firmware", "system_vendor:QEMU"), ("dell-firmware", "system_vendor:Dell Inc."), ("virtio-nic-tune", "pci:1af4:1000") })
        {
            string text = $"#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: {name}\n# script_type: commissioning\n# tags: [fw-{name}, site-fw]\n# for_hardware: ['{vendor}']\n# --- End MAAS 1.0 script metadata ---\necho {name}\n";
            using var added = await scripts.PostAsync("MAAS/api/2.0/scripts/", MaasMultipart.Build([("script", Encoding.UTF8.GetBytes(text), "script")]), Ct);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        (RemoteScriptsClient node, Machine machine, _) = await CommissionAsync(("commissioning_scripts", "site-fw"), ("testing_scripts", "none"));
        (JsonArray before, _) = await node.ScriptsAsync("commissioning");
        Assert.DoesNotContain("qemu-firmware", Names(before)); // nothing is known about the machine yet

        await node.ReportAllAsync(before, _ => 0);
        (JsonArray after, Dictionary<string, string> files) = await node.ScriptsAsync("commissioning");

        Assert.Contains("qemu-firmware", Names(after));
        Assert.Contains("virtio-nic-tune", Names(after));
        Assert.DoesNotContain("dell-firmware", Names(after));
        Assert.False(after.Single(e => e!["name"]!.GetValue<string>() == "qemu-firmware")!["has_finished"]!.GetValue<bool>());
        Assert.Contains("echo qemu-firmware", files["commissioning/qemu-firmware"], StringComparison.Ordinal);
        (JsonArray again, _) = await node.ScriptsAsync("commissioning");
        Assert.Single(Names(again), n => n == "qemu-firmware");
        // The modalias list's output (here the fake runner's stdout) is kept on the machine for for_hardware.
        Assert.Equal(["stdout maas-list-modaliases"], (await host.ReloadAsync(machine.SystemId)).Modaliases);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Commission_clears_storage_and_network_configuration_unless_skip_storage_and_skip_networking(bool skip)
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine ready = await host.ReadyAsync(m =>
        {
            m.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 10L << 30 });
            m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.20.0.0/24" });
        });
        string flag = skip ? "true" : "false";

        using var commissioned = await admin.PostAsync($"MAAS/api/2.0/machines/{ready.SystemId}/?op=commission", Form(("skip_storage", flag), ("skip_networking", flag)), Ct);

        Assert.Equal(HttpStatusCode.OK, commissioned.StatusCode);
        Machine machine = await host.ReloadAsync(ready.SystemId);
        Assert.Equal((skip, skip), (machine.SkipStorage, machine.SkipNetworking));
        Assert.Equal(skip ? 1 : 0, machine.BlockDevices[0].Partitions.Count);
        Assert.Equal(skip ? 1 : 0, machine.Interfaces[0].Links.Count);
    }
}
