using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Deployment;

/// <summary>The <c>enable_disk_erasing_on_release</c> and <c>disk_erase_with_*</c> settings (own host: they are global).</summary>
public sealed class EraseOnReleaseTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_erasing_on_release_set_a_plain_release_erases_with_the_default_flags()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        foreach (string name in new[] { "enable_disk_erasing_on_release", "disk_erase_with_quick_erase" })
        {
            using HttpResponseMessage set = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", name), ("value", "true")), Ct);
            set.EnsureSuccessStatusCode();
        }

        Machine machine = await host.ReadyMachineAsync(admin);
        await host.OpAsync(admin, machine.SystemId, "deploy");
        JsonNode released = await host.OpAsync(admin, machine.SystemId, "release");
        Assert.Equal("Disk erasing", released["status_name"]!.GetValue<string>());

        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray release, _) = await node.ScriptsAsync("release");
        JsonNode wipe = Assert.Single(release)!;
        Assert.True(wipe["parameters"]!["quick_erase"]!["value"]!.GetValue<bool>());
        Assert.False(wipe["parameters"]!["secure_erase"]!["value"]!.GetValue<bool>());
    }
}
