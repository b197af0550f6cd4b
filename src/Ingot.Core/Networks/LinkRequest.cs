using System.Net;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;

namespace Ingot.Core.Networks;

/// <summary>
/// The fields MAAS's link forms share (<c>mode</c>, <c>subnet</c>, <c>ip_address</c>), read and checked in one place
/// for <c>link_subnet</c> and for the link a new bond or bridge gets; errors with MAAS's texts.
/// </summary>
internal static class LinkRequest
{
    /// <summary>The mode, the subnet and the STATIC address asked for (null: the next free one), errors added to <paramref name="errors"/>.</summary>
    public static (LinkMode? Mode, Subnet? Subnet, IPAddress? Requested) Read(NetworkForm form, NetworkModel model, FormErrors errors)
    {
        LinkMode? mode = LinkModeField.Read(form, errors);
        Subnet? subnet = null;
        if (form.Get("subnet") is { Length: > 0 } specifier)
        {
            subnet = model.FindSubnet(specifier);
            if (subnet is null)
            {
                errors.Add("subnet", NetworkErrors.InvalidChoice);
            }
        }
        else if (mode is LinkMode.Auto or LinkMode.Static)
        {
            errors.Add("subnet", FormErrors.Required);
        }

        IPAddress? requested = null;
        if (mode == LinkMode.Static && form.Get("ip_address") is { Length: > 0 } ipText)
        {
            requested = IpNumbers.Parse(ipText.Trim());
            if (requested is null)
            {
                errors.Add("ip_address", "Enter a valid IPv4 or IPv6 address.");
            }
            else if (subnet is not null && !subnet.Network.Contains(requested))
            {
                errors.Add("ip_address", $"IP address is not in the given subnet '{subnet.Name}'.");
            }
        }

        return (mode, subnet, requested);
    }
}
