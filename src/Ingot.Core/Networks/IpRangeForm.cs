using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ingot.Core.Forms;

namespace Ingot.Core.Networks;

/// <summary>MAAS's <c>IPRangeForm</c> and <c>IPRange.clean</c>, with MAAS's messages (on <c>start_ip</c> and <c>end_ip</c>).</summary>
internal static class IpRangeForm
{
    private const string InvalidAddress = "Enter a valid IPv4 or IPv6 address.";

    public static void Apply(NetworkModel model, IpRange range, NetworkForm form, IReadOnlyList<string> linkAddresses, bool creating)
    {
        var errors = new FormErrors();
        IpRangeType type = range.Type;
        if (creating || form.Has("type"))
        {
            switch (form.Get("type"))
            {
                case "dynamic": type = IpRangeType.Dynamic; break;
                case "reserved": type = IpRangeType.Reserved; break;
                case null or "": errors.Add("type", FormErrors.Required); break;
                case var other: errors.Add("type", $"Select a valid choice. {other} is not one of the available choices."); break;
            }
        }

        IPAddress? start = Address(form, "start_ip", range.StartIp, creating, errors);
        IPAddress? end = Address(form, "end_ip", range.EndIp, creating, errors);
        Subnet? subnet = model.Subnet(range.SubnetId);
        if (form.Get("subnet") is { Length: > 0 } subnetText)
        {
            subnet = long.TryParse(subnetText, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? model.Subnet(id) : model.FindSubnet(subnetText);
            if (subnet is null)
            {
                errors.Add("subnet", NetworkErrors.InvalidChoice);
            }
        }
        else if (creating && start is not null)
        {
            subnet = model.BestSubnetFor(start);
            if (subnet is null)
            {
                errors.Add("subnet", FormErrors.Required);
            }
        }

        errors.ThrowIfAny();
        Check(start!, end!, subnet!, type);
        range.Type = type;
        range.SubnetId = subnet!.Id;
        range.StartIp = start!.ToString();
        range.EndIp = end!.ToString();
        range.Comment = form.Get("comment") ?? range.Comment;
        CheckOverlaps(model, range, linkAddresses);
    }

    private static IPAddress? Address(NetworkForm form, string field, string current, bool creating, FormErrors errors)
    {
        if (!creating && !form.Has(field))
        {
            return IPAddress.Parse(current);
        }

        string? text = form.Get(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, FormErrors.Required);
            return null;
        }

        IPAddress? address = IpNumbers.Parse(text);
        if (address is null)
        {
            errors.Add(field, InvalidAddress);
        }

        return address;
    }

    private static void Check(IPAddress start, IPAddress end, Subnet subnet, IpRangeType type)
    {
        if (start.AddressFamily != end.AddressFamily)
        {
            throw Both("Start IP address and end IP address must be in the same address family.");
        }

        if (IpNumbers.Compare(end, start) < 0)
        {
            throw FormErrors.OnField("end_ip", "End IP address must not be less than Start IP address.");
        }

        IPNetwork network = subnet.Network;
        bool startIn = network.Contains(start);
        bool endIn = network.Contains(end);
        if (!startIn && !endIn)
        {
            throw Both($"IP addresses must be within subnet: {subnet.Cidr}.");
        }

        if (!startIn)
        {
            throw FormErrors.OnField("start_ip", $"Start IP address must be within subnet: {subnet.Cidr}.");
        }

        if (!endIn)
        {
            throw FormErrors.OnField("end_ip", $"End IP address must be within subnet: {subnet.Cidr}.");
        }

        (UInt128 first, UInt128 last) = IpNumbers.Bounds(network);
        if (IpNumbers.ToNumber(start) == first)
        {
            throw FormErrors.OnField("start_ip", "Reserved network address cannot be included in IP range.");
        }

        if (start.AddressFamily == AddressFamily.InterNetwork && IpNumbers.ToNumber(end) == last)
        {
            throw FormErrors.OnField("end_ip", "Broadcast address cannot be included in IP range.");
        }

        if (start.AddressFamily == AddressFamily.InterNetworkV6 && type == IpRangeType.Dynamic
            && IpNumbers.ToNumber(end) - IpNumbers.ToNumber(start) + 1 < 256)
        {
            throw Both("IPv6 dynamic range must be at least 256 addresses in size.");
        }
    }

    /// <summary>MAAS's <c>_validate_duplicates_and_overlaps</c>: the range must lie in one free run.</summary>
    private static void CheckOverlaps(NetworkModel model, IpRange range, IReadOnlyList<string> linkAddresses)
    {
        Subnet subnet = model.Subnet(range.SubnetId)!;
        var others = model with { IpRanges = [.. model.IpRanges.Where(r => r.Id != range.Id)] };
        var usage = new SubnetUsage(others, subnet, linkAddresses.Where(a => IpNumbers.Parse(a) is { } ip && subnet.Network.Contains(ip)));
        IReadOnlyList<AddressSpan> unused = range.Type == IpRangeType.Reserved ? usage.FreeOfRanges() : usage.Unreserved();
        if (unused.Count == 0)
        {
            throw Both($"There is no room for any {range.TypeName} ranges on this subnet.");
        }

        UInt128 start = IpNumbers.ToNumber(IPAddress.Parse(range.StartIp));
        UInt128 end = IpNumbers.ToNumber(IPAddress.Parse(range.EndIp));
        if (!unused.Any(run => start >= run.First && end <= run.Last))
        {
            throw Both(range.Type == IpRangeType.Reserved
                ? "Requested reserved range conflicts with an existing range."
                : "Requested dynamic range conflicts with an existing IP address or range.");
        }
    }

    private static Enlistment.MachineFormException Both(string message) => new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["start_ip"] = [message],
        ["end_ip"] = [message],
    });
}
