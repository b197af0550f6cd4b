using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// <c>default_gateways</c>: per address family, the gateway of the first linked subnet that has one
/// (boot interface first, as MAAS prefers it). <c>link_id</c> stays null: it names a gateway link a
/// user chose explicitly, which Ingot does not record yet.
/// </summary>
internal static class DefaultGateways
{
    public static void Write(Utf8JsonWriter writer, Machine machine, NetworkInterface? bootInterface, MachineJsonContext.Fragments fragments)
    {
        string? ipv4 = null;
        string? ipv6 = null;
        if (fragments.Subnets.Count > 0)
        {
            if (bootInterface is not null)
            {
                Find(bootInterface, fragments, ref ipv4, ref ipv6);
            }

            foreach (NetworkInterface nic in machine.Interfaces)
            {
                Find(nic, fragments, ref ipv4, ref ipv6);
            }
        }

        writer.WriteStartObject("default_gateways"u8);
        WriteFamily(writer, "ipv4"u8, ipv4);
        WriteFamily(writer, "ipv6"u8, ipv6);
        writer.WriteEndObject();
    }

    private static void Find(NetworkInterface nic, MachineJsonContext.Fragments fragments, ref string? ipv4, ref string? ipv6)
    {
        foreach (InterfaceLink link in nic.Links)
        {
            if (link.Subnet is { } cidr && fragments.Subnets.TryGetValue(cidr, out SubnetInfo? subnet) && subnet.GatewayIp is { Length: > 0 } gateway)
            {
                if (gateway.Contains(':', StringComparison.Ordinal))
                {
                    ipv6 ??= gateway;
                }
                else
                {
                    ipv4 ??= gateway;
                }
            }
        }
    }

    private static void WriteFamily(Utf8JsonWriter writer, ReadOnlySpan<byte> family, string? gateway)
    {
        writer.WriteStartObject(family);
        writer.WriteString("gateway_ip"u8, gateway);
        writer.WriteNull("link_id"u8);
        writer.WriteEndObject();
    }
}
