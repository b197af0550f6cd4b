using System.Net;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// The link a new bond or bridge gets when MAAS's UI creates it (its websocket <c>create_bond</c>/<c>create_bridge</c>
/// then <c>_create_link_on_interface</c>: <c>mode</c>, <c>subnet</c>, <c>ip_address</c>), checked with the interface's
/// own fields, so a refusal changes nothing. A STATIC link's address is claimed in the network model before the machine
/// is saved (for interface <see cref="LinkAddresses.Unassigned"/>, re-keyed to the new interface in the machine's save
/// transaction) and given back if that save fails, as <c>link_subnet</c> does. MAAS's REST
/// <c>create_bond</c>/<c>create_bridge</c> take no link; the API passes none.
/// </summary>
public sealed partial class InterfaceEditing
{
    /// <summary>The link <paramref name="link"/> asks for (null when it has no <c>mode</c>), its errors added to <paramref name="errors"/>; a STATIC one with the address asked for (null: the next free one).</summary>
    private async Task<(InterfaceLink Link, IPAddress? Requested)?> NewLinkAsync(NetworkForm? link, FormErrors errors, CancellationToken ct)
    {
        if (link is null || link.Get("mode") is not { Length: > 0 })
        {
            return null;
        }

        (LinkMode? mode, Subnet? subnet, IPAddress? requested) = LinkRequest.Read(link, await networks.LoadAsync(ct), errors);
        return mode is { } chosen ? (new InterfaceLink { Mode = chosen, Subnet = subnet?.Cidr }, requested) : null;
    }

    /// <summary>
    /// Claims the address of a STATIC new link (MAAS's text when the address asked for is taken, or none is free) and
    /// returns it as an address to move to the new interface; nothing for other modes.
    /// </summary>
    private async Task<List<(long InterfaceId, string Ip)>> ClaimNewLinkAsync(Actor actor, (InterfaceLink Link, IPAddress? Requested)? newLink, CancellationToken ct)
    {
        if (newLink is not ({ Mode: LinkMode.Static, Subnet: { } cidr } link, var requested))
        {
            return [];
        }

        StaticIpAddress claimed = await networks.ClaimForLinkAsync(cidr, requested, LinkAddresses.Unassigned, actor.Username, await networks.LinkAddressesAsync(cidr, ct), ct);
        link.IpAddress = claimed.Ip;
        return [(LinkAddresses.Unassigned, claimed.Ip!)];
    }

    /// <summary>
    /// Puts the link of <paramref name="newLink"/> on the new interface: LINK_UP sets the subnet of its LINK_UP link (as MAAS sets the
    /// subnet of the link-up address); AUTO and DHCP replace the LINK_UP link.
    /// </summary>
    private static void ApplyNewLink(NetworkInterface nic, (InterfaceLink Link, IPAddress? Requested)? newLink)
    {
        if (newLink?.Link is not { } link)
        {
            return;
        }

        if (link.Mode == LinkMode.LinkUp)
        {
            if (link.Subnet is not null)
            {
                InterfaceLink? up = nic.Links.FirstOrDefault(l => l.Mode == LinkMode.LinkUp);
                if (up is null)
                {
                    nic.Links.Add(link);
                }
                else
                {
                    up.Subnet = link.Subnet;
                }
            }

            return;
        }

        nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        nic.Links.Add(link);
    }
}
