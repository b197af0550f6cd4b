using System.Net;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// MAAS's <c>set_networking_configuration_from_node</c> over Ingot's interface model: the
/// destination keeps its physical interfaces (name, MAC, speed) and takes each same-named source
/// interface's VLAN, enabled flag and links; its own extra interfaces lose their links; bonds,
/// bridges, VLANs and aliases are copied from the source. A link in AUTO or STATIC mode that has an
/// address gets a new address in the same subnet; other links are copied without an address.
/// </summary>
internal static class InterfaceCopier
{
    /// <summary>MAAS's <c>StaticIPAddressExhaustion</c> text.</summary>
    public static string Exhausted(string subnet) => $"No more IPs available in subnet: {subnet}.";

    /// <summary>The destination's new interface list, or null and the reason when an address cannot be allocated.</summary>
    public static IReadOnlyList<NetworkInterface>? Copy(
        Machine dest, Machine source, IReadOnlyDictionary<string, NetworkInterface> destByName, HashSet<IPAddress> used, out string? reason)
    {
        reason = null;
        var result = new List<NetworkInterface>();
        var sourcePhysical = source.Interfaces.Where(i => i.Type == InterfaceType.Physical).ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (NetworkInterface own in dest.Interfaces.Where(i => i.Type == InterfaceType.Physical))
        {
            var copy = new NetworkInterface
            {
                Id = own.Id,
                Name = own.Name,
                MacAddress = own.MacAddress,
                Type = InterfaceType.Physical,
                LinkSpeed = own.LinkSpeed,
                InterfaceSpeed = own.InterfaceSpeed,
                LinkConnected = own.LinkConnected,
                Enabled = own.Enabled,
                Vendor = own.Vendor,
                Product = own.Product,
                FirmwareVersion = own.FirmwareVersion,
                NumaNode = own.NumaNode,
                SriovMaxVf = own.SriovMaxVf,
                Vlan = own.Vlan,
                Tags = [.. own.Tags],
                Params = own.Params.Copy(),
            };
            if (sourcePhysical.TryGetValue(own.Name, out NetworkInterface? from))
            {
                copy.Enabled = from.Enabled;
                copy.Vlan = from.Vlan;
                copy.Params = from.Params.Copy();
                if (CopyLinks(from.Links, used, copy.Links) is { } failure)
                {
                    reason = failure;
                    return null;
                }
            }

            result.Add(copy);
        }

        foreach (NetworkInterface virtualInterface in source.Interfaces.Where(i => i.Type != InterfaceType.Physical))
        {
            var copy = new NetworkInterface
            {
                Name = virtualInterface.Name,
                Type = virtualInterface.Type,
                MacAddress = ParentMac(virtualInterface, destByName) ?? virtualInterface.MacAddress,
                LinkSpeed = virtualInterface.LinkSpeed,
                Enabled = virtualInterface.Enabled,
                Vlan = virtualInterface.Vlan,
                Parents = [.. virtualInterface.Parents],
                Tags = [.. virtualInterface.Tags],
                Params = virtualInterface.Params.Copy(),
            };
            if (CopyLinks(virtualInterface.Links, used, copy.Links) is { } failure)
            {
                reason = failure;
                return null;
            }

            result.Add(copy);
        }

        return result;
    }

    private static string? CopyLinks(List<InterfaceLink> links, HashSet<IPAddress> used, List<InterfaceLink> into)
    {
        foreach (InterfaceLink link in links)
        {
            var copy = new InterfaceLink { Mode = link.Mode, Subnet = link.Subnet };
            bool allocates = link.Mode is LinkMode.Auto or LinkMode.Static
                && !string.IsNullOrEmpty(link.IpAddress)
                && AddressAllocator.IsSubnet(link.Subnet);
            if (allocates)
            {
                if (AddressAllocator.Allocate(link.Subnet!, used) is not { } address)
                {
                    return Exhausted(link.Subnet!);
                }

                used.Add(address);
                copy.IpAddress = address.ToString();
            }

            into.Add(copy);
        }

        return null;
    }

    /// <summary>A bond or bridge takes the MAC of its first parent that is a destination physical interface.</summary>
    private static MacAddress? ParentMac(NetworkInterface virtualInterface, IReadOnlyDictionary<string, NetworkInterface> destByName) =>
        virtualInterface.Parents.Select(p => destByName.GetValueOrDefault(p)).FirstOrDefault(p => p is not null)?.MacAddress;
}
