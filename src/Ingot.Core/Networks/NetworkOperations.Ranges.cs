using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    public static IpRange RangeOf(NetworkModel model, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && model.IpRanges.FirstOrDefault(r => r.Id == number) is { } range
            ? range
            : throw NotFound.Of("IPRange");

    /// <summary>
    /// MAAS's <c>IPRangeForm</c>: the subnet defaults to the one that best holds <c>start_ip</c>; the
    /// range must lie in it and overlap no other range (a dynamic range also no allocated address).
    /// Anyone may reserve; only admins create dynamic ranges.
    /// </summary>
    public async Task<IpRange> CreateRangeAsync(Actor actor, NetworkForm form, CancellationToken ct)
    {
        if (form.Get("type") == "dynamic")
        {
            AdminOnly.Demand(actor);
        }

        IReadOnlyList<string> links = await AllLinkAddressesAsync(ct);
        return await EditAsync(null, model =>
        {
            var range = new IpRange { StartIp = "", EndIp = "", User = actor.Username, Created = Now, Updated = Now };
            IpRangeForm.Apply(model, range, form, links, creating: true);
            return (new NetworkChange(model.Version).Add(range), range);
        }, ct);
    }

    /// <summary>Changes a range: its owner or an admin.</summary>
    public async Task<IpRange> UpdateRangeAsync(Actor actor, string id, NetworkForm form, CancellationToken ct)
    {
        IReadOnlyList<string> links = await AllLinkAddressesAsync(ct);
        return await EditAsync(null, model =>
        {
            IpRange range = RangeOf(model, id);
            DemandOwner(actor, range.User);
            if (form.Get("type") == "dynamic" || range.Type == IpRangeType.Dynamic)
            {
                AdminOnly.Demand(actor);
            }

            IpRangeForm.Apply(model, range, form, links, creating: false);
            range.Updated = Now;
            return (new NetworkChange(model.Version).Update(range), range);
        }, ct);
    }

    /// <summary>Deletes a range: its owner or an admin.</summary>
    public Task DeleteRangeAsync(Actor actor, string id, CancellationToken ct) => EditAsync(null, model =>
    {
        IpRange range = RangeOf(model, id);
        DemandOwner(actor, range.User);
        if (range.Type == IpRangeType.Dynamic)
        {
            AdminOnly.Demand(actor);
        }

        return (new NetworkChange(model.Version).Remove(range), true);
    }, ct);

    private static void DemandOwner(Actor actor, string? owner)
    {
        if (!actor.IsAdmin && owner != actor.Username)
        {
            throw MachineOperationException.PermissionDenied();
        }
    }

    private async Task<IReadOnlyList<string>> AllLinkAddressesAsync(CancellationToken ct)
    {
        IReadOnlyList<Machine> all = await machines.ListAsync(ct);
        return [.. all.SelectMany(m => m.Interfaces).SelectMany(i => i.Links)
            .Where(l => !string.IsNullOrEmpty(l.IpAddress)).Select(l => l.IpAddress!)];
    }
}
