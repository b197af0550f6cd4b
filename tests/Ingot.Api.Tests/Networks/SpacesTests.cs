using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests.Networks;

/// <summary>Spaces: sets of VLANs (a host of their own, so the other network tests see MAAS's "no spaces" start).</summary>
public sealed class SpacesTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_space_holds_VLANs_and_their_subnets_show_it()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        JsonElement fabric = await NetworkClient.OkAsync(admin.PostAsync("fabrics/"));
        long fabricId = fabric.GetProperty("id").GetInt64();
        JsonElement space = await NetworkClient.OkAsync(admin.PostAsync("spaces/", ("name", $"dmz-{fabricId}")));
        (string cidr, _) = NetworkClient.NewSubnet();
        await NetworkClient.OkAsync(admin.PutAsync($"fabrics/{fabricId}/vlans/0/", ("space", $"dmz-{fabricId}")));
        JsonElement subnet = await admin.CreateSubnetAsync(cidr, ("fabric", $"{fabricId}"));

        JsonElement read = await NetworkClient.OkAsync(admin.GetAsync($"spaces/{space.GetProperty("id").GetInt64()}/"));
        var (onSubnet, onSubnetBody) = await NetworkClient.FieldErrorsAsync(admin.PutAsync($"subnets/{subnet.GetProperty("id").GetInt64()}/", ("space", "x")));

        Assert.Equal($"fabric-{fabricId}", fabric.GetProperty("name").GetString());
        Assert.Equal($"dmz-{fabricId}", subnet.GetProperty("space").GetString());
        Assert.Equal(cidr, Assert.Single(read.GetProperty("subnets").EnumerateArray()).GetProperty("cidr").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "Spaces may no longer be set on subnets. Set the space on the underlying VLAN."), (onSubnet, onSubnetBody["space"]));
    }
}
