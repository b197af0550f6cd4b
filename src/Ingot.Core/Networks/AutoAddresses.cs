using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's AUTO links at deployment: each AUTO link gets the next free address of its subnet (an
/// <see cref="IpAddressType.Auto"/> allocation on the interface) when the machine is deployed, and gives it
/// back when the machine is released. The caller saves the machine afterwards; a failed claim gives back
/// what it had claimed and leaves the links as they were.
/// </summary>
public sealed class AutoAddresses(NetworkOperations networks)
{
    /// <summary>Allocates an address to every AUTO link of the machine that has none.</summary>
    public async Task ClaimAsync(Machine machine, CancellationToken ct)
    {
        var claimed = new List<(NetworkInterface Nic, InterfaceLink Link, string Ip)>();
        try
        {
            foreach (NetworkInterface nic in machine.Interfaces.Where(i => i.Enabled))
            {
                foreach (InterfaceLink link in nic.Links.Where(l => l.Mode == LinkMode.Auto && string.IsNullOrEmpty(l.IpAddress) && l.Subnet is not null))
                {
                    IReadOnlyList<string> taken = await networks.LinkAddressesAsync(link.Subnet!, ct);
                    StaticIpAddress address = await networks.ClaimForLinkAsync(link.Subnet!, null, nic.Id, machine.Owner, taken, ct, IpAddressType.Auto);
                    link.IpAddress = address.Ip;
                    claimed.Add((nic, link, address.Ip!));
                }
            }
        }
        catch
        {
            foreach ((NetworkInterface nic, InterfaceLink link, string ip) in claimed)
            {
                await networks.ReleaseForLinkAsync(nic.Id, ip, CancellationToken.None);
                link.IpAddress = null;
            }

            throw;
        }
    }

    /// <summary>Gives back the addresses of the machine's AUTO links (on release).</summary>
    public async Task ReleaseAsync(Machine machine, CancellationToken ct)
    {
        foreach (NetworkInterface nic in machine.Interfaces)
        {
            foreach (InterfaceLink link in nic.Links.Where(l => l.Mode == LinkMode.Auto && !string.IsNullOrEmpty(l.IpAddress)))
            {
                await networks.ReleaseForLinkAsync(nic.Id, link.IpAddress!, ct);
                link.IpAddress = null;
            }
        }
    }
}
