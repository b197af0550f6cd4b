using System.Net;
using System.Text;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Inventory;
using Ingot.Core.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Tags;

/// <summary>Tags with definitions (MAAS's automatic tags) through the API, over details kept by the real stores.</summary>
public sealed class TagDefinitionsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] s_vmxLshw = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" standalone=\"yes\" ?><list><node id=\"node1\" class=\"system\"><vendor>Supermicro</vendor>" +
        "<node id=\"core\" class=\"bus\"><node id=\"cpu\" class=\"processor\"><capabilities><capability id=\"vmx\" /></capabilities></node>" +
        "<node id=\"memory\" class=\"memory\"><size units=\"bytes\">34359738368</size></node></node></node></list>");

    private static readonly byte[] s_svmLshw = Encoding.UTF8.GetBytes(
        "<list><node id=\"node1\" class=\"system\"><vendor>Dell Inc.</vendor><node id=\"cpu\" class=\"processor\"><capabilities><capability id=\"svm\" /></capabilities></node>" +
        "<node id=\"memory\" class=\"memory\"><size units=\"bytes\">274877906944</size></node></node></list>");

    private async Task<HttpClient> AdminAsync() => host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    private async Task<string> MachineWithLshwAsync(byte[] lshw)
    {
        var machine = await TestMachines.AddAsync(host);
        Assert.True(await host.Services.GetRequiredService<IHardwareDetailsStore>().SaveAsync(machine.SystemId, HardwareDetails.LshwName, lshw, Ct));
        return machine.SystemId;
    }

    private static async Task<List<string>> TaggedAsync(HttpClient client, string tag)
    {
        using var response = await client.GetAsync($"MAAS/api/2.0/tags/{tag}/?op=machines", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray().Select(m => m.GetProperty("system_id").GetString()!)];
    }

    [Fact]
    public async Task A_bad_definition_is_MAAS_400_on_create_and_update_and_changes_nothing()
    {
        using HttpClient admin = await AdminAsync();

        using var create = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "broken"), ("definition", "//node[@id='cpu'")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        string message = Assert.Single((await create.JsonAsync()).GetProperty("definition").EnumerateArray()).GetString()!;
        Assert.StartsWith("Invalid xpath expression: ", message, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<ITagStore>().FindAsync("broken", Ct));

        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "fine"), ("definition", "//node[@id='no-such-node']")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        using var update = await admin.PutAsync("MAAS/api/2.0/tags/fine/", Form(("definition", "count("), ("comment", "changed")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.True((await update.JsonAsync()).TryGetProperty("definition", out _));
        Tag stored = (await host.Services.GetRequiredService<ITagStore>().FindAsync("fine", Ct))!;
        Assert.Equal(("//node[@id='no-such-node']", ""), (stored.Definition, stored.Comment));
    }

    [Fact]
    public async Task Creating_updating_and_rebuilding_a_defined_tag_puts_it_on_exactly_the_matching_machines()
    {
        using HttpClient admin = await AdminAsync();
        string intel = await MachineWithLshwAsync(s_vmxLshw);
        string amd = await MachineWithLshwAsync(s_svmLshw);
        var bare = await TestMachines.AddAsync(host, configure: m => m.Tags = []);
        HashSet<string> mine = [intel, amd, bare.SystemId];

        // Machines of the other tests in this class share the host: look at this test's machines only.
        async Task<List<string>> TaggedAsync(HttpClient client, string tag) => [.. (await TagDefinitionsTests.TaggedAsync(client, tag)).Where(mine.Contains)];

        using var created = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "vmx"), ("definition", "//node[@id='cpu']//capability/@id = 'vmx'"), ("kernel_opts", "intel_iommu=on")), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([intel], await TaggedAsync(admin, "vmx"));

        using var updated = await admin.PutAsync("MAAS/api/2.0/tags/vmx/", Form(("definition", "//node[@id='memory']/size >= 68719476736")), Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal([amd], await TaggedAsync(admin, "vmx"));
        Assert.Empty((await TestMachines.FindAsync(host, intel))!.Tags);
        Assert.Empty((await TestMachines.FindAsync(host, bare.SystemId))!.Tags);

        // Someone tags a machine by hand; rebuild puts the definition back in charge.
        using var manual = await admin.PostAsync("MAAS/api/2.0/tags/vmx/?op=update_nodes", Form(("add", intel)), Ct);
        Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        Assert.Equal(new[] { intel, amd }.Order(StringComparer.Ordinal), (await TaggedAsync(admin, "vmx")).Order(StringComparer.Ordinal));
        using var rebuild = await admin.PostAsync("MAAS/api/2.0/tags/vmx/?op=rebuild", Form(), Ct);
        Assert.Equal("vmx", (await rebuild.JsonAsync()).GetProperty("rebuilding").GetString());
        Assert.Equal([amd], await TaggedAsync(admin, "vmx"));

        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);
        using var refused = await user.PostAsync("MAAS/api/2.0/tags/vmx/?op=rebuild", Form(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Commissioning_output_shows_in_the_machine_and_defined_tags_follow_it_and_details_returns_the_xml()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "supermicro"), ("definition", "//node[@class='system']/vendor = 'Supermicro'")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var machine = await TestMachines.AddAsync(host, configure: m => m.Interfaces.Add(TestMachines.Nic("eth0", "3c:ec:ef:10:20:31")));
        var inventory = host.Services.GetRequiredService<CommissioningInventory>();
        byte[] output = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", "single-socket-sata.json"));

        Assert.True((await inventory.ApplyAsync(machine.SystemId, output, Ct)).Succeeded);
        await inventory.SaveDetailsAsync(machine.SystemId, HardwareDetails.LshwName, s_vmxLshw, Ct);

        using var read = await admin.GetAsync($"MAAS/api/2.0/machines/{machine.SystemId}/", Ct);
        var json = await read.JsonAsync();
        Assert.Equal((12, 3400, 32768), (json.GetProperty("cpu_count").GetInt32(), json.GetProperty("cpu_speed").GetInt32(), json.GetProperty("memory").GetInt32()));
        Assert.Equal("amd64/generic", json.GetProperty("architecture").GetString());
        Assert.Equal("00000000-0000-0000-0000-3cecef102030", json.GetProperty("hardware_uuid").GetString());
        var info = json.GetProperty("hardware_info");
        Assert.Equal(("Supermicro", "X11SCM-F", "Intel(R) Xeon(R) E-2236 CPU", "Unknown"),
            (info.GetProperty("system_vendor").GetString(), info.GetProperty("mainboard_product").GetString(), info.GetProperty("cpu_model").GetString(), info.GetProperty("system_version").GetString()));
        Assert.Equal(["supermicro"], json.GetProperty("tag_names").EnumerateArray().Select(t => t.GetString()));
        var disks = json.GetProperty("physicalblockdevice_set").EnumerateArray().ToList();
        Assert.Equal(["sda", "sdb", "sdc"], disks.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal("/dev/disk/by-id/wwn-0x5000c500c1a2b3c4", disks[2].GetProperty("id_path").GetString());
        Assert.Equal(["rotary", "7200rpm", "sata"], disks[2].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("SN04", disks[2].GetProperty("firmware_version").GetString());
        var nics = json.GetProperty("interface_set").EnumerateArray().ToList();
        Assert.Equal(["eno1", "eno2"], nics.Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(("Intel Corporation", 1000, 1000, true, 7), (nics[0].GetProperty("vendor").GetString(), nics[0].GetProperty("link_speed").GetInt32(),
            nics[0].GetProperty("interface_speed").GetInt32(), nics[0].GetProperty("link_connected").GetBoolean(), nics[0].GetProperty("sriov_max_vf").GetInt32()));
        Assert.False(nics[1].GetProperty("link_connected").GetBoolean());
        var numa = Assert.Single(json.GetProperty("numanode_set").EnumerateArray());
        Assert.Equal((12, 32768), (numa.GetProperty("cores").GetArrayLength(), numa.GetProperty("memory").GetInt32()));

        using var details = await admin.GetAsync($"MAAS/api/2.0/machines/{machine.SystemId}/?op=details", Ct);
        byte[] bson = await details.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(0x0A, bson[4]); // lldp: null
        int lshwAt = 4 + 1 + "lldp".Length + 1;
        Assert.Equal((byte)0x05, bson[lshwAt]); // lshw: binary
        Assert.Equal(s_vmxLshw, bson[(lshwAt + 1 + "lshw".Length + 1 + 4 + 1)..^1]);
    }
}
