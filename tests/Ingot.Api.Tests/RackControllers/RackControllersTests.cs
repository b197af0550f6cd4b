using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Enlistment;

namespace Ingot.Api.Tests.RackControllers;

public sealed class RackControllersTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingot_lists_itself_as_one_rack_controller_with_a_stable_system_id()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var first = await client.GetAsync("MAAS/api/2.0/rackcontrollers/", Ct);
        using var second = await client.GetAsync("MAAS/api/2.0/rackcontrollers/", Ct);
        var rack = Assert.Single((await first.JsonAsync()).EnumerateArray().ToList());
        string systemId = rack.GetProperty("system_id").GetString()!;
        Assert.Equal(6, systemId.Length);
        Assert.All(systemId, c => Assert.Contains(c, SystemIdGenerator.Alphabet));
        Assert.Equal(systemId, (await second.JsonAsync())[0].GetProperty("system_id").GetString());
        Assert.Equal(2, rack.GetProperty("node_type").GetInt32());
        Assert.Equal("Rack controller", rack.GetProperty("node_type_name").GetString());
        Assert.Equal(Environment.MachineName.ToLowerInvariant(), rack.GetProperty("hostname").GetString());
        Assert.Equal(Api.Version.VersionApi.Version, rack.GetProperty("version").GetString());
        Assert.Equal($"/MAAS/api/2.0/rackcontrollers/{systemId}/", rack.GetProperty("resource_uri").GetString());
    }

    [Fact]
    public async Task Boot_resources_is_an_empty_list_on_a_fresh_host()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.Empty((await response.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Anonymous_callers_are_challenged_and_other_methods_are_405()
    {
        using var anonymous = await host.Anonymous().GetAsync("MAAS/api/2.0/rackcontrollers/", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var put = await host.Client(admin.ApiKey).PutAsync("MAAS/api/2.0/boot-resources/", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }
}
