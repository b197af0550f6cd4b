using Ingot.Core.Networks;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="LinkAddresses"/> written inside a machine's save transaction: the released allocations deleted, the moved
/// ones re-keyed to the new interface (given back when it has no id), and the network model's version bumped so every
/// snapshot taken before is stale. Plain statements keyed by (interface id, address): nothing is read first.
/// </summary>
internal static class LinkAddressRows
{
    public static async Task SettleAsync(IngotDbContext db, LinkAddresses addresses, CancellationToken ct)
    {
        long to = addresses.MovedTo?.Id ?? 0;
        foreach ((long interfaceId, string ip) in to == 0 ? [.. addresses.Released, .. addresses.Moved] : addresses.Released)
        {
            await Held(db, interfaceId, ip).ExecuteDeleteAsync(ct);
        }

        if (to != 0)
        {
            foreach ((long interfaceId, string ip) in addresses.Moved)
            {
                await Held(db, interfaceId, ip).ExecuteUpdateAsync(a => a.SetProperty(x => x.InterfaceId, to).SetProperty(x => x.Updated, addresses.Now), ct);
            }
        }

        await db.Set<NetworkState>().Where(s => s.Id == NetworkState.RowId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
    }

    private static IQueryable<StaticIpAddress> Held(IngotDbContext db, long interfaceId, string ip) =>
        db.Set<StaticIpAddress>().Where(a => a.InterfaceId == interfaceId && a.Ip == ip);
}
