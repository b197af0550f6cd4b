using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Api.Tests.Networks;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// What <c>op=deploy</c> checks before anything changes (boot image of the release, a network, storage that fits), and
/// the AUTO link addresses it claims and release gives back.
/// </summary>
public sealed class DeployChecksTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static async Task AssertUnchangedAsync(ApiHost host, ApiUser admin, string systemId, int eventsBefore)
    {
        Machine after = await host.ReloadAsync(systemId);
        Assert.Equal((MachineStatus.Ready, null, "", ""), (after.Status, after.Owner, after.Osystem, after.DistroSeries));
        Assert.Equal(eventsBefore, (await host.EventsAsync(admin, systemId)).Count);
    }

    [Fact]
    public async Task A_release_without_a_boot_image_is_refused_with_MAAS_text_and_changes_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);
        int events = (await host.EventsAsync(admin, machine.SystemId)).Count;
        using var api = new NetworkClient(host.Client(admin.ApiKey));

        var (status, body) = await NetworkClient.FailAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy", ("distro_series", "jammy")));

        Assert.Equal((HttpStatusCode.BadRequest, "Deployment operating system ubuntu/jammy is unavailable for amd64/generic."), (status, body));
        await AssertUnchangedAsync(host, admin, machine.SystemId, events);
    }

    /// <summary>
    /// MAAS 3.5's deploy to memory: only an image whose install file is a squashfs (synced) or a root tarball
    /// <c>root-tgz</c>/<c>root-txz</c> (uploaded) may be deployed to memory (<c>can_deploy_to_memory</c>); any other
    /// (here a disk image, and an image with no install file at all) is refused with MAAS's text and nothing changes.
    /// </summary>
    [Theory]
    [InlineData("custom/memdd", "root-dd.raw")]
    [InlineData("custom/memnone", null)]
    public async Task Deploying_to_memory_an_image_MAAS_cannot_run_from_memory_is_refused_and_changes_nothing(string image, string? rootFile)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);
        await host.AddDeployImageAsync(image, rootFile is null ? [] : [rootFile]);
        int events = (await host.EventsAsync(admin, machine.SystemId)).Count;
        using var api = new NetworkClient(host.Client(admin.ApiKey));

        var (status, body) = await NetworkClient.FailAsync(api.PostAsync(
            $"machines/{machine.SystemId}/?op=deploy", ("distro_series", image), ("ephemeral_deploy", "true")));

        Assert.Equal((HttpStatusCode.BadRequest, $"Deployment to memory not supported for {image} on amd64/generic"), (status, body));
        await AssertUnchangedAsync(host, admin, machine.SystemId, events);
        Assert.False((await host.ReloadAsync(machine.SystemId)).EphemeralDeploy);
    }

    /// <summary>The same images deploy to disk (the flat layout fits): the refusal is about memory only.</summary>
    [Fact]
    public async Task A_disk_image_MAAS_cannot_run_from_memory_still_deploys_to_disk()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);
        await host.AddDeployImageAsync("custom/memdd", "root-dd.raw");
        using var api = new NetworkClient(host.Client(admin.ApiKey));

        JsonElement deploying = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy", ("distro_series", "custom/memdd")));

        Assert.Equal(("Deploying", false), (deploying.GetProperty("status_name").GetString(), deploying.GetProperty("ephemeral_deploy").GetBoolean()));
    }

    /// <summary>
    /// MAAS's <c>_start_deployment</c>: no link other than LINK_UP with a subnet → <c>ValidationError({"network": [...]})</c>,
    /// which MAAS's middleware answers 400 with the dictionary as JSON. A LINK_UP link on a subnet is no network.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_machine_with_no_network_is_refused_with_MAAS_body_and_changes_nothing(bool linkUpOnSubnet)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);
        Machine stored = await host.ReloadAsync(machine.SystemId);
        string subnet = stored.Interfaces[0].Links.Single().Subnet!;
        stored.Interfaces[0].Links.Clear();
        if (linkUpOnSubnet)
        {
            stored.Interfaces[0].Links.Add(new Core.Hardware.InterfaceLink { Mode = Core.Hardware.LinkMode.LinkUp, Subnet = subnet });
        }

        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(stored, TestContext.Current.CancellationToken);
        int events = (await host.EventsAsync(admin, machine.SystemId)).Count;
        using var http = host.Client(admin.ApiKey);

        using HttpResponseMessage response = await http.PostAsync(
            $"/MAAS/api/2.0/machines/{machine.SystemId}/?op=deploy", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.BadRequest, "application/json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"network": ["Node must be configured to use a network"]}"""), JsonNode.Parse(body)),
            body);
        await AssertUnchangedAsync(host, admin, machine.SystemId, events);
        Assert.Null((await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.SingleOrDefault()?.IpAddress);
    }

    [Fact]
    public async Task A_storage_layout_without_a_root_filesystem_is_refused_as_a_storage_error_and_changes_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);
        Machine stored = await host.ReloadAsync(machine.SystemId);
        DefaultStorage.Apply(stored, "blank");
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(stored, TestContext.Current.CancellationToken);
        int events = (await host.EventsAsync(admin, machine.SystemId)).Count;
        using var api = new NetworkClient(host.Client(admin.ApiKey));

        var (status, errors) = await NetworkClient.FieldErrorsAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy"));

        Assert.Equal((HttpStatusCode.BadRequest, "Mount the root '/' filesystem to be able to deploy this node."), (status, errors["storage"]));
        await AssertUnchangedAsync(host, admin, machine.SystemId, events);
    }

    [Fact]
    public async Task An_auto_link_gets_an_address_at_deploy_and_gives_it_back_at_release_and_a_refused_deploy_claims_none()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var api = new NetworkClient(host.Client(admin.ApiKey));
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        long subnet = (await api.CreateSubnetAsync(cidr)).GetProperty("id").GetInt64();
        Machine machine = await host.ReadyMachineAsync(admin);
        string nic = $"nodes/{machine.SystemId}/interfaces/{(await host.ReloadAsync(machine.SystemId)).Interfaces[0].Id}/";
        await NetworkClient.OkAsync(api.PostAsync(nic + "?op=link_subnet", ("mode", "auto"), ("subnet", cidr)));

        var (refused, _) = await NetworkClient.FailAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy", ("distro_series", "jammy")));
        string? afterRefusal = (await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.Single(l => l.Subnet == cidr).IpAddress;
        JsonElement addressesAfterRefusal = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));
        JsonElement deployed = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy"));
        string? claimed = (await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.Single(l => l.Subnet == cidr).IpAddress;
        JsonElement addressesDeployed = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));
        JsonElement released = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=release"));
        string? afterRelease = (await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.Single(l => l.Subnet == cidr).IpAddress;
        JsonElement addressesReleased = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));

        static bool Holds(JsonElement list, string? ip) => list.EnumerateArray().Any(a => a.GetProperty("ip").GetString() == ip);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Null(afterRefusal);
        Assert.DoesNotContain(addressesAfterRefusal.EnumerateArray(), a => a.GetProperty("ip").GetString()!.StartsWith(prefix + ".", StringComparison.Ordinal));
        Assert.Equal("Deploying", deployed.GetProperty("status_name").GetString());
        Assert.StartsWith(prefix + ".", claimed, StringComparison.Ordinal);
        Assert.True(Holds(addressesDeployed, claimed), $"the subnet lists {claimed} while deployed");
        Assert.Contains(released.GetProperty("status_name").GetString(), new[] { "Ready", "Releasing" });
        Assert.Null(afterRelease);
        Assert.False(Holds(addressesReleased, claimed), $"the subnet no longer lists {claimed} after release");
    }

    /// <summary>
    /// <c>op=mark_broken</c> on a deployed machine releases it first (<c>_release</c>), and that release gives its AUTO
    /// address back like <c>op=release</c> (it kept it before: only the release ops gave addresses back).
    /// </summary>
    [Fact]
    public async Task Marking_a_deployed_machine_broken_gives_its_auto_address_back()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var api = new NetworkClient(host.Client(admin.ApiKey));
        (string cidr, _) = NetworkClient.NewSubnet();
        long subnet = (await api.CreateSubnetAsync(cidr)).GetProperty("id").GetInt64();
        Machine machine = await host.ReadyMachineAsync(admin);
        string nic = $"nodes/{machine.SystemId}/interfaces/{(await host.ReloadAsync(machine.SystemId)).Interfaces[0].Id}/";
        await NetworkClient.OkAsync(api.PostAsync(nic + "?op=link_subnet", ("mode", "auto"), ("subnet", cidr)));
        await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=deploy"));
        string? claimed = (await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.Single(l => l.Subnet == cidr).IpAddress;
        JsonElement addressesDeployed = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));

        JsonElement broken = await NetworkClient.OkAsync(api.PostAsync($"machines/{machine.SystemId}/?op=mark_broken", ("comment", "bad fan")));
        string? afterBroken = (await host.ReloadAsync(machine.SystemId)).Interfaces[0].Links.Single(l => l.Subnet == cidr).IpAddress;
        JsonElement addressesBroken = await NetworkClient.OkAsync(api.GetAsync($"subnets/{subnet}/?op=ip_addresses"));

        static bool Holds(JsonElement list, string? ip) => list.EnumerateArray().Any(a => a.GetProperty("ip").GetString() == ip);
        Assert.NotNull(claimed);
        Assert.True(Holds(addressesDeployed, claimed), $"the subnet lists {claimed} while deployed");
        Assert.Equal("Broken", broken.GetProperty("status_name").GetString());
        Assert.Equal("bad fan", broken.GetProperty("error_description").GetString());
        Assert.Null(afterBroken);
        Assert.False(Holds(addressesBroken, claimed), $"the subnet no longer lists {claimed} after mark_broken");
    }
}
