using Ingot.Core.Forms;
using Ingot.Core.Hardware;

namespace Ingot.Core.Networks;

/// <summary>
/// The link a new bond or bridge gets when MAAS's UI creates it (its websocket <c>create_bond</c>/<c>create_bridge</c>
/// then <c>_create_link_on_interface</c>: <c>mode</c>, <c>subnet</c>), checked with the interface's own fields and saved
/// with it, so a refusal changes nothing. MAAS's REST <c>create_bond</c>/<c>create_bridge</c> take no link; the API
/// passes none.
/// </summary>
public sealed partial class InterfaceEditing
{
    /// <summary>Ingot's refusal: a STATIC address is claimed for an existing interface only (<c>link_subnet</c> after creating it).</summary>
    public const string StaticOnCreate = "A new bond or bridge is linked in auto, dhcp or link_up mode; link it in static mode after creating it.";

    /// <summary>The link <paramref name="link"/> asks for (null when it has no <c>mode</c>), its errors added to <paramref name="errors"/>.</summary>
    private async Task<InterfaceLink?> NewLinkAsync(NetworkForm? link, FormErrors errors, CancellationToken ct)
    {
        if (link is null || link.Get("mode") is not { Length: > 0 })
        {
            return null;
        }

        LinkMode? mode = LinkModeField.Read(link, errors);
        Subnet? subnet = null;
        if (link.Get("subnet") is { Length: > 0 } specifier)
        {
            subnet = (await networks.LoadAsync(ct)).FindSubnet(specifier);
            if (subnet is null)
            {
                errors.Add("subnet", NetworkErrors.InvalidChoice);
            }
        }
        else if (mode == LinkMode.Auto)
        {
            errors.Add("subnet", FormErrors.Required);
        }

        if (mode == LinkMode.Static)
        {
            errors.Add("mode", StaticOnCreate);
        }

        return mode is { } chosen ? new InterfaceLink { Mode = chosen, Subnet = subnet?.Cidr } : null;
    }

    /// <summary>
    /// Puts <paramref name="link"/> on the new interface: LINK_UP sets the subnet of its LINK_UP link (as MAAS sets the
    /// subnet of the link-up address); AUTO and DHCP replace the LINK_UP link.
    /// </summary>
    private static void ApplyNewLink(NetworkInterface nic, InterfaceLink? link)
    {
        if (link is null)
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
