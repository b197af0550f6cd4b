using System.Net;
using System.Text;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Scripts.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Scripts;

public sealed class ScriptsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Fio = """
        #!/bin/bash
        # --- Start MAAS 1.0 script metadata ---
        # name: fio-quick
        # title: Storage benchmark
        # description: Runs fio against each disk.
        # tags: [storage, benchmark]
        # script_type: testing
        # hardware_type: storage
        # parallel: instance
        # timeout: 00:10:00
        # destructive: true
        # parameters:
        #   storage: {type: storage}
        #   runtime: {type: runtime, default: 300}
        # packages: {apt: fio}
        # --- End MAAS 1.0 script metadata ---
        fio --filename=$storage
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminAsync() => host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);

    private Task<Script?> StoredAsync(string name) => host.Services.GetRequiredService<IScriptStore>().FindAsync(name, Ct);

    private static HttpContent Upload(string fileName, string script, params (string Name, string Value)[] fields) =>
        MaasMultipart.Build([.. fields.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Value), (string?)null)), (fileName, Encoding.UTF8.GetBytes(script), fileName)]);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    [Fact]
    public async Task An_admin_uploads_a_script_whose_embedded_metadata_fills_every_field_in_MAAS_shape()
    {
        using HttpClient admin = await AdminAsync();
        using var created = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("script", Fio, ("comment", "first")), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        JsonElement json = await created.JsonAsync();

        Assert.Equal("fio-quick", json.GetProperty("name").GetString());
        Assert.Equal(2, json.GetProperty("type").GetInt32());
        Assert.Equal("Testing script", json.GetProperty("type_name").GetString());
        Assert.Equal(3, json.GetProperty("hardware_type").GetInt32());
        Assert.Equal("Storage", json.GetProperty("hardware_type_name").GetString());
        Assert.Equal(1, json.GetProperty("parallel").GetInt32());
        Assert.Equal("0:10:00", json.GetProperty("timeout").GetString());
        Assert.True(json.GetProperty("destructive").GetBoolean());
        Assert.False(json.GetProperty("default").GetBoolean());
        Assert.Equal(["storage", "benchmark", "destructive"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("storage", json.GetProperty("parameters").GetProperty("storage").GetProperty("type").GetString());
        Assert.Equal(300, json.GetProperty("parameters").GetProperty("runtime").GetProperty("default").GetInt32());
        Assert.Equal("fio", json.GetProperty("packages").GetProperty("apt")[0].GetString());
        Assert.Equal("/MAAS/api/2.0/scripts/fio-quick", json.GetProperty("resource_uri").GetString());
        JsonElement history = Assert.Single(json.GetProperty("history").EnumerateArray());
        Assert.Equal("first", history.GetProperty("comment").GetString());
        Assert.True(json.GetProperty("id").GetInt64() >= Script.UserIdBase);
    }

    [Fact]
    public async Task The_list_holds_built_ins_and_user_scripts_and_filters_by_type_hardware_type_and_name_or_tag()
    {
        using HttpClient admin = await AdminAsync();
        using var created = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("list-me", "#!/bin/sh\necho hi\n", ("type", "commissioning"), ("tags", "rack,odd")), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);

        static async Task<string?[]> Names(HttpResponseMessage r) => [.. (await r.JsonAsync()).EnumerateArray().Select(s => s.GetProperty("name").GetString())];
        using var all = await user.GetAsync("MAAS/api/2.0/scripts/", Ct);
        using var commissioning = await user.GetAsync("MAAS/api/2.0/scripts/?type=commissioning", Ct);
        using var storage = await user.GetAsync("MAAS/api/2.0/scripts/?hardware_type=storage", Ct);
        using var filtered = await user.GetAsync("MAAS/api/2.0/scripts/?filters=odd,memtester&include_script=true", Ct);

        Assert.Contains("50-maas-01-commissioning", await Names(all));
        Assert.Contains("list-me", await Names(all));
        Assert.Contains("list-me", await Names(commissioning));
        Assert.DoesNotContain("smartctl-validate", await Names(commissioning));
        Assert.Equal(["smartctl-validate", "wipe-disks"], (await Names(storage)).Where(n => n != "fio-quick"));
        JsonElement filteredJson = await filtered.JsonAsync();
        Assert.Equal(["memtester", "list-me"], filteredJson.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        string data = filteredJson[1].GetProperty("history")[0].GetProperty("data").GetString()!;
        Assert.Equal("#!/bin/sh\necho hi\n", Encoding.UTF8.GetString(Convert.FromBase64String(data)));
    }

    [Fact]
    public async Task A_bad_type_or_hardware_type_in_the_list_query_is_400_with_MAAS_message()
    {
        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);
        using var type = await user.GetAsync("MAAS/api/2.0/scripts/?type=bogus", Ct);
        using var hardware = await user.GetAsync("MAAS/api/2.0/scripts/?hardware_type=9", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, type.StatusCode);
        Assert.Contains("Script type must be", await type.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hardware.StatusCode);
        Assert.Contains("Invalid hardware type numeric value.", await hardware.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_fields_are_400_with_a_message_per_field_and_store_nothing()
    {
        using HttpClient admin = await AdminAsync();
        using var noShebang = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("bad-1", "echo hi\n", ("timeout", "soon"), ("hardware_type", "toaster")), Ct);
        using var numeric = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("1234", "#!/bin/sh\n"), Ct);
        using var spaces = await admin.PostAsync("MAAS/api/2.0/scripts/", Form(("name", "has space"), ("script", "#!/bin/sh\n")), Ct);
        using var none = await admin.PostAsync("MAAS/api/2.0/scripts/", Form(("name", "None"), ("script", "#!/bin/sh\n")), Ct);
        using var missing = await admin.PostAsync("MAAS/api/2.0/scripts/", Form(("title", "nothing")), Ct);
        using var conflict = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("script", Fio.Replace("fio-quick", "conflicting", StringComparison.Ordinal), ("hardware_type", "cpu")), Ct);

        JsonElement first = await noShebang.JsonAsync();
        Assert.Equal(["Must start with shebang."], first.GetProperty("script").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Enter a valid duration."], first.GetProperty("timeout").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Hardware type must be node, cpu, memory, storage, or gpu"], first.GetProperty("hardware_type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Cannot be a number.", (await numeric.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Equal("Name 'has space' contains disallowed characters, e.g. space or quotes.", (await spaces.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Equal("\"none\" is a reserved name.", (await none.JsonAsync()).GetProperty("name")[0].GetString());
        JsonElement required = await missing.JsonAsync();
        Assert.Equal("This field is required.", required.GetProperty("name")[0].GetString());
        Assert.Equal("This field is required.", required.GetProperty("script")[0].GetString());
        Assert.Equal("May not override values defined in embedded YAML.", (await conflict.JsonAsync()).GetProperty("hardware_type")[0].GetString());
        Assert.All([noShebang, numeric, spaces, none, missing, conflict], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Null(await StoredAsync("bad-1"));
        Assert.Null(await StoredAsync("conflicting"));
    }

    [Fact]
    public async Task A_duplicate_name_including_a_built_in_name_is_400()
    {
        using HttpClient admin = await AdminAsync();
        using var first = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("twice", "#!/bin/sh\n"), Ct);
        using var second = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("twice", "#!/bin/sh\necho 2\n"), Ct);
        using var builtIn = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("memtester", "#!/bin/sh\n"), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Script with this Name already exists.", (await second.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, builtIn.StatusCode);
        Assert.Single((await StoredAsync("twice"))!.Versions);
    }

    [Fact]
    public async Task Updates_keep_versions_download_reads_any_revision_and_revert_drops_newer_ones()
    {
        using HttpClient admin = await AdminAsync();
        using var created = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("versioned", "#!/bin/sh\necho v1\n"), Ct);
        long firstVersion = (await created.JsonAsync()).GetProperty("history")[0].GetProperty("id").GetInt64();
        using var v2 = await admin.PutAsync("MAAS/api/2.0/scripts/versioned", Upload("script", "#!/bin/sh\r\necho v2\r\n", ("comment", "second")), Ct);
        using var same = await admin.PutAsync("MAAS/api/2.0/scripts/versioned", Upload("script", "#!/bin/sh\necho v2\n"), Ct);
        using var titled = await admin.PutAsync("MAAS/api/2.0/scripts/versioned", Form(("title", "Versioned")), Ct);
        JsonElement titledJson = await titled.JsonAsync();
        Assert.Equal("Versioned", titledJson.GetProperty("title").GetString());
        Assert.Equal(["second", null], titledJson.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("comment").GetString()));

        using var current = await admin.GetAsync("MAAS/api/2.0/scripts/versioned?op=download", Ct);
        using var old = await admin.GetAsync($"MAAS/api/2.0/scripts/versioned?op=download&rev={firstVersion}", Ct);
        using var unknown = await admin.GetAsync("MAAS/api/2.0/scripts/versioned?op=download&revision=99999", Ct);
        Assert.Equal("#!/bin/sh\necho v2\n", await current.TextAsync());
        Assert.Equal("#!/bin/sh\necho v1\n", await old.TextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("99999 not found in history", await unknown.TextAsync());

        using var tooFar = await admin.PostAsync("MAAS/api/2.0/scripts/versioned?op=revert", Form(("to", "-2")), Ct);
        Assert.Equal("Goes too far back.", await tooFar.TextAsync());
        using var reverted = await admin.PostAsync("MAAS/api/2.0/scripts/versioned?op=revert", Form(("to", "-1")), Ct);
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.Single((await reverted.JsonAsync()).GetProperty("history").EnumerateArray());
        Assert.Equal("#!/bin/sh\necho v1\n", (await StoredAsync("versioned"))!.Current.Data);
        using var missingTo = await admin.PostAsync("MAAS/api/2.0/scripts/versioned?op=revert", Form(), Ct);
        Assert.Equal("No provided to!", await missingTo.TextAsync());
    }

    [Fact]
    public async Task Tags_are_added_and_removed_and_a_comma_is_refused()
    {
        using HttpClient admin = await AdminAsync();
        using var created = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("tagged", "#!/bin/sh\n", ("hardware_type", "memory")), Ct);
        using var added = await admin.PostAsync("MAAS/api/2.0/scripts/tagged?op=add_tag", Form(("tag", "burn-in")), Ct);
        Assert.Equal(["memory", "burn-in"], (await added.JsonAsync()).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        using var removed = await admin.PostAsync("MAAS/api/2.0/scripts/tagged?op=remove_tag", Form(("tag", "burn-in")), Ct);
        Assert.Equal(["memory"], (await removed.JsonAsync()).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        using var comma = await admin.PostAsync("MAAS/api/2.0/scripts/tagged?op=add_tag", Form(("tag", "a,b")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, comma.StatusCode);
        Assert.Equal("Tag may not contain a \",\".", await comma.TextAsync());
        Assert.Equal(["memory"], (await StoredAsync("tagged"))!.Tags);
    }

    [Fact]
    public async Task Built_in_scripts_are_read_by_name_or_id_but_not_deleted_changed_or_reverted()
    {
        using HttpClient admin = await AdminAsync();
        using var byName = await admin.GetAsync("MAAS/api/2.0/scripts/smartctl-validate", Ct);
        JsonElement json = await byName.JsonAsync();
        Assert.True(json.GetProperty("default").GetBoolean());
        using var byId = await admin.GetAsync($"MAAS/api/2.0/scripts/{json.GetProperty("id").GetInt64()}", Ct);
        Assert.Equal("smartctl-validate", (await byId.JsonAsync()).GetProperty("name").GetString());

        using var delete = await admin.DeleteAsync("MAAS/api/2.0/scripts/smartctl-validate", Ct);
        using var update = await admin.PutAsync("MAAS/api/2.0/scripts/smartctl-validate", Form(("title", "mine")), Ct);
        using var revert = await admin.PostAsync("MAAS/api/2.0/scripts/smartctl-validate?op=revert", Form(("to", "-1")), Ct);
        Assert.Equal("Unable to delete default script", await delete.TextAsync());
        Assert.Equal("Not allowed to change on default scripts.", (await update.JsonAsync()).GetProperty("title")[0].GetString());
        Assert.Equal("Unable to revert default script", await revert.TextAsync());
        Assert.All([delete, update, revert], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task Unknown_scripts_are_404_and_non_admin_writes_are_403_changing_nothing()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/scripts/", Upload("guarded", "#!/bin/sh\n"), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);

        using var read = await user.GetAsync("MAAS/api/2.0/scripts/guarded", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var missing = await user.GetAsync("MAAS/api/2.0/scripts/nosuch", Ct);
        using var missingDownload = await user.GetAsync("MAAS/api/2.0/scripts/nosuch?op=download", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingDownload.StatusCode);

        using var create = await user.PostAsync("MAAS/api/2.0/scripts/", Upload("sneaky", "#!/bin/sh\n"), Ct);
        using var update = await user.PutAsync("MAAS/api/2.0/scripts/guarded", Form(("title", "changed")), Ct);
        using var tag = await user.PostAsync("MAAS/api/2.0/scripts/guarded?op=add_tag", Form(("tag", "x")), Ct);
        using var untag = await user.PostAsync("MAAS/api/2.0/scripts/guarded?op=remove_tag", Form(("tag", "node")), Ct);
        using var revert = await user.PostAsync("MAAS/api/2.0/scripts/guarded?op=revert", Form(("to", "0")), Ct);
        using var delete = await user.DeleteAsync("MAAS/api/2.0/scripts/guarded", Ct);
        Assert.All([create, update, tag, untag, revert, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Null(await StoredAsync("sneaky"));
        Script stored = (await StoredAsync("guarded"))!;
        Assert.Equal("", stored.Title);
        Assert.Equal(["node"], stored.Tags);

        using var deleted = await admin.DeleteAsync("MAAS/api/2.0/scripts/guarded", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync("guarded"));
    }
}
