using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// <c>default_gateways</c>: per address family, the gateway of the link the user chose
/// (<c>set_default_gateway</c>, <see cref="InterfaceLink.IsDefaultGateway"/>) with its <c>link_id</c>;
/// else the gateway of the first linked subnet that has one (boot interface first, as MAAS prefers
/// it) with <c>link_id</c> null.
/// </summary>
internal static class DefaultGateways
{
    public static void Write(Utf8JsonWriter writer, Machine machine, NetworkInterface? bootInterface, MachineJsonContext.Fragments fragments)
    {
        Choice ipv4 = default;
        Choice ipv6 = default;
        if (fragments.Subnets.Count > 0)
        {
            foreach (NetworkInterface nic in machine.Interfaces)
            {
                Find(nic, fragments, chosenOnly: true, ref ipv4, ref ipv6);
            }

            if (bootInterface is not null)
            {
                Find(bootInterface, fragments, chosenOnly: false, ref ipv4, ref ipv6);
            }

            foreach (NetworkInterface nic in machine.Interfaces)
            {
                Find(nic, fragments, chosenOnly: false, ref ipv4, ref ipv6);
            }
        }

        writer.WriteStartObject("default_gateways"u8);
        WriteFamily(writer, "ipv4"u8, ipv4);
        WriteFamily(writer, "ipv6"u8, ipv6);
        writer.WriteEndObject();
    }

    private static void Find(NetworkInterface nic, MachineJsonContext.Fragments fragments, bool chosenOnly, ref Choice ipv4, ref Choice ipv6)
    {
        for (int i = 0; i < nic.Links.Count; i++)
        {
            InterfaceLink link = nic.Links[i];
            if ((link.IsDefaultGateway || !chosenOnly)
                && link.Subnet is { } cidr && fragments.Subnets.TryGetValue(cidr, out SubnetInfo? subnet) && subnet.GatewayIp is { Length: > 0 } gateway)
            {
                var choice = new Choice(gateway, chosenOnly ? DerivedIds.Link(nic.Id, i) : null);
                if (gateway.Contains(':', StringComparison.Ordinal))
                {
                    ipv6 = ipv6.Gateway is null ? choice : ipv6;
                }
                else
                {
                    ipv4 = ipv4.Gateway is null ? choice : ipv4;
                }
            }
        }
    }

    private static void WriteFamily(Utf8JsonWriter writer, ReadOnlySpan<byte> family, Choice choice)
    {
        writer.WriteStartObject(family);
        writer.WriteString("gateway_ip"u8, choice.Gateway);
        ResourceJson.WriteNullable(writer, "link_id"u8, choice.LinkId);
        writer.WriteEndObject();
    }

    private readonly record struct Choice(string? Gateway, long? LinkId);
}
