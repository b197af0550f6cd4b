using System.Net;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    /// <summary>
    /// <c>ipaddresses/?op=reserve</c>: reserves <paramref name="ip"/> (which must be in the subnet and free)
    /// or the subnet's next free address, for <paramref name="actor"/>. Without a subnet the subnet is the
    /// one that best holds the address.
    /// </summary>
    public async Task<StaticIpAddress> ReserveAsync(Actor actor, string? subnetSpecifier, string? ip, string? hostname, string? mac, CancellationToken ct)
    {
        IReadOnlyList<string> links = await AllLinkAddressesAsync(ct);
        return await EditAsync(null, model =>
        {
            IPAddress? requested = null;
            if (!string.IsNullOrEmpty(ip))
            {
                requested = IpNumbers.Parse(ip) ?? throw MachineOperationException.Validation($"Invalid IP address: {ip}.");
            }

            Subnet subnet = subnetSpecifier is { Length: > 0 }
                ? SubnetOf(model, subnetSpecifier)
                : requested is not null
                    ? model.BestSubnetFor(requested) ?? throw MachineOperationException.Validation($"No subnet found for IP address {requested}.")
                    : throw MachineOperationException.Validation("Must supply either a subnet or an IP address.");
            var usage = new SubnetUsage(model, subnet, links);
            IPAddress address = Allocate(usage, requested);
            var reserved = new StaticIpAddress
            {
                Ip = address.ToString(),
                AllocType = IpAddressType.UserReserved,
                SubnetId = subnet.Id,
                User = actor.Username,
                Hostname = string.IsNullOrEmpty(hostname) ? null : hostname,
                MacAddress = string.IsNullOrEmpty(mac) ? null : mac,
                Created = Now,
                Updated = Now,
            };
            return (new NetworkChange(model.Version).Add(reserved), reserved);
        }, ct);
    }

    /// <summary><c>ipaddresses/?op=release</c>: releases an address the caller reserved (an admin with <paramref name="force"/>: anyone's).</summary>
    public Task ReleaseAsync(Actor actor, string ip, bool force, CancellationToken ct) => EditAsync(null, model =>
    {
        string text = IpNumbers.Parse(ip)?.ToString() ?? throw MachineOperationException.Validation($"Invalid IP address: {ip}.");
        StaticIpAddress address = model.IpAddresses.FirstOrDefault(a => a.Ip == text && a.AllocType == IpAddressType.UserReserved
            && (a.User == actor.Username || (force && actor.IsAdmin)))
            ?? throw NotFound.Of("StaticIPAddress");
        return (new NetworkChange(model.Version).Remove(address), true);
    }, ct);

    /// <summary>Claims an address for a machine's link (STATIC with <paramref name="requested"/>, else the next free one).</summary>
    internal Task<StaticIpAddress> ClaimForLinkAsync(string cidr, IPAddress? requested, long interfaceId, string? user, IReadOnlyList<string> links, CancellationToken ct, IpAddressType type = IpAddressType.Sticky) =>
        EditAsync(null, model =>
        {
            Subnet subnet = model.SubnetByCidr(cidr) ?? throw NotFound.Of("Subnet");
            IPAddress address = Allocate(new SubnetUsage(model, subnet, links), requested);
            var claimed = new StaticIpAddress
            {
                Ip = address.ToString(),
                AllocType = type,
                SubnetId = subnet.Id,
                InterfaceId = interfaceId,
                User = user,
                Created = Now,
                Updated = Now,
            };
            return (new NetworkChange(model.Version).Add(claimed), claimed);
        }, ct);

    /// <summary>Frees what a link held: the interface's allocation of this address.</summary>
    internal Task ReleaseForLinkAsync(long interfaceId, string ip, CancellationToken ct) => EditAsync(null, model =>
    {
        var change = new NetworkChange(model.Version);
        foreach (StaticIpAddress address in model.IpAddresses.Where(a => a.InterfaceId == interfaceId && a.Ip == ip))
        {
            change.Remove(address);
        }

        return (change, true);
    }, ct);

    private static IPAddress Allocate(SubnetUsage usage, IPAddress? requested)
    {
        if (requested is null)
        {
            return usage.NextFree() ?? throw new MachineOperationException(
                ErrorCategory.ServiceUnavailable, "StaticIPAddressExhaustion", $"No more IPs available in subnet: {usage.Subnet.Cidr}.");
        }

        if (!usage.Subnet.Network.Contains(requested))
        {
            throw MachineOperationException.Validation($"IP address {requested} is not within subnet {usage.Subnet.Cidr}.");
        }

        return usage.IsFree(requested, requested: true)
            ? requested
            : throw new MachineOperationException(ErrorCategory.Conflict, "StaticIPAddressUnavailable", $"The IP address {requested} is already in use.");
    }
}
