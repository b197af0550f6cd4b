using System.Security.Cryptography;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Networks;

/// <summary>What the interface editing tests start from: a READY machine with two NICs, a tagged VLAN, the interface paths.</summary>
internal static class InterfaceFixtures
{
    /// <summary>A READY machine with <c>eth0</c> and <c>eth1</c> (changed by <paramref name="configure"/>), and their ids.</summary>
    public static async Task<(Machine Machine, long Eth0, long Eth1)> TwoNicsAsync(ApiHost host, Action<Machine>? configure = null)
    {
        Machine machine = await host.ReadyAsync(m =>
        {
            m.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MachineSeeds.RandomMac() });
            configure?.Invoke(m);
        });
        return (machine, machine.Interfaces.Single(i => i.Name == "eth0").Id, machine.Interfaces.Single(i => i.Name == "eth1").Id);
    }

    /// <summary>A new tagged VLAN on fabric-0 with a VID no other test of the host uses: its id and VID.</summary>
    public static async Task<(long Id, int Vid)> TaggedVlanAsync(NetworkClient admin)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int vid = RandomNumberGenerator.GetInt32(2, 4095);
            using HttpResponseMessage response = await admin.PostAsync("fabrics/0/vlans/", ("vid", $"{vid}"));
            if (response.IsSuccessStatusCode)
            {
                JsonElement vlan = await response.JsonAsync();
                return (vlan.GetProperty("id").GetInt64(), vid);
            }
        }

        throw new InvalidOperationException("No free VID found on fabric-0 in 20 attempts.");
    }

    /// <summary>The id of fabric-0's untagged VLAN.</summary>
    public const long UntaggedVlanId = 5001;

    public static string Interfaces(Machine machine) => $"nodes/{machine.SystemId}/interfaces/";

    public static string Interface(Machine machine, long id) => $"nodes/{machine.SystemId}/interfaces/{id}/";

    public static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
