using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using static Ingot.Api.Tests.Networks.InterfaceFixtures;

namespace Ingot.Api.Tests.Networks;

/// <summary>
/// An interface update clears tags with <c>tags=</c> and the VLAN with <c>vlan=</c>, as MAAS's form does; absent fields
/// change nothing; the interface JSON then shows <c>"vlan": null</c>, as MAAS shows a disconnected interface.
/// </summary>
public sealed class InterfaceClearTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task An_empty_tags_field_clears_the_tags_and_an_empty_vlan_field_disconnects_while_absent_ones_keep_them()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, _) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PutAsync(Interface(machine, eth0), ("tags", "uplink,10g"), ("vlan", $"{UntaggedVlanId}")));

        JsonElement kept = await NetworkClient.OkAsync(admin.PutAsync(Interface(machine, eth0), ("mtu", "9000")));
        NetworkInterface keptStored = (await host.FindAsync(machine.SystemId))!.Interfaces.Single(i => i.Id == eth0);
        JsonElement cleared = await NetworkClient.OkAsync(admin.PutAsync(Interface(machine, eth0), ("tags", ""), ("vlan", "")));
        NetworkInterface stored = (await host.FindAsync(machine.SystemId))!.Interfaces.Single(i => i.Id == eth0);

        Assert.Equal(["uplink", "10g"], Names(kept.GetProperty("tags")));
        Assert.Equal(0, keptStored.Vlan);
        Assert.Empty(cleared.GetProperty("tags").EnumerateArray());
        Assert.Equal((0, (int?)null), (stored.Tags.Count, stored.Vlan));
        Assert.Equal(UntaggedVlanId, kept.GetProperty("vlan").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("vlan").ValueKind); // MAAS's disconnected interface
        Assert.Equal(JsonValueKind.Null, (await NetworkClient.OkAsync(admin.GetAsync(Interface(machine, eth0)))).GetProperty("vlan").ValueKind);
    }
}
