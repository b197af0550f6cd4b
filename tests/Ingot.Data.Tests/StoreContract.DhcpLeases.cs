using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_saved_dhcp_lease_is_read_back_by_a_new_region_with_every_field()
    {
        (IPAddress address, MacAddress mac) = NewLeaseAddress();
        var lease = new DhcpLease(mac, address, Time.GetUtcNow(), Time.GetUtcNow().AddHours(1), "node-1", "01525400aabbcc");
        await using (DataServices writer = Database.Open())
        {
            await writer.DhcpLeases.SaveAsync(lease, Ct);
        }

        await using DataServices reader = Database.Open();
        DhcpLease stored = Assert.Single(await reader.DhcpLeases.ListAsync(Ct), l => l.Address.Equals(address));

        Assert.Equal(lease, stored);
        Assert.Equal(TimeSpan.Zero, stored.Ends.Offset);
    }

    [Fact]
    public async Task Saving_a_dhcp_lease_on_a_leased_address_replaces_the_old_lease()
    {
        await using DataServices data = Database.Open();
        (IPAddress address, MacAddress first) = NewLeaseAddress();
        MacAddress second = MacAddress.Parse(first.ToString().Replace("52:", "02:", StringComparison.Ordinal));
        await data.DhcpLeases.SaveAsync(new DhcpLease(first, address, Time.GetUtcNow(), Time.GetUtcNow().AddHours(1), "", ""), Ct);

        await data.DhcpLeases.SaveAsync(new DhcpLease(second, address, Time.GetUtcNow(), Time.GetUtcNow().AddHours(2), "b", "x"), Ct);

        DhcpLease stored = Assert.Single(await data.DhcpLeases.ListAsync(Ct), l => l.Address.Equals(address));
        Assert.Equal((second, Time.GetUtcNow().AddHours(2), "b"), (stored.Mac, stored.Ends, stored.Hostname));
    }

    [Fact]
    public async Task A_removed_dhcp_lease_is_gone_and_removing_it_again_changes_nothing()
    {
        await using DataServices data = Database.Open();
        (IPAddress address, MacAddress mac) = NewLeaseAddress();
        (IPAddress other, MacAddress otherMac) = NewLeaseAddress();
        await data.DhcpLeases.SaveAsync(new DhcpLease(mac, address, Time.GetUtcNow(), Time.GetUtcNow().AddHours(1), "", ""), Ct);
        await data.DhcpLeases.SaveAsync(new DhcpLease(otherMac, other, Time.GetUtcNow(), Time.GetUtcNow().AddHours(1), "", ""), Ct);

        await data.DhcpLeases.RemoveAsync(address, Ct);
        await data.DhcpLeases.RemoveAsync(address, Ct);

        IReadOnlyList<DhcpLease> leases = await data.DhcpLeases.ListAsync(Ct);
        Assert.DoesNotContain(leases, l => l.Address.Equals(address));
        Assert.Contains(leases, l => l.Address.Equals(other));
    }

    [Fact]
    public async Task A_batch_of_dhcp_lease_writes_is_applied_in_order_with_the_last_write_to_an_address_winning()
    {
        await using DataServices data = Database.Open();
        (IPAddress kept, MacAddress keptMac) = NewLeaseAddress();
        (IPAddress replaced, MacAddress replacedMac) = NewLeaseAddress();
        (IPAddress removed, MacAddress removedMac) = NewLeaseAddress();
        (IPAddress added, MacAddress addedMac) = NewLeaseAddress();
        DhcpLease Lease(MacAddress mac, IPAddress address, int hours) => new(mac, address, Time.GetUtcNow(), Time.GetUtcNow().AddHours(hours), $"h{hours}", "");
        await data.DhcpLeases.SaveAsync(Lease(keptMac, kept, 1), Ct);
        await data.DhcpLeases.SaveAsync(Lease(replacedMac, replaced, 1), Ct);
        await data.DhcpLeases.SaveAsync(Lease(removedMac, removed, 1), Ct);

        await data.DhcpLeases.WriteAsync(
            [
                DhcpLeaseWrite.Save(Lease(replacedMac, replaced, 2)),
                DhcpLeaseWrite.Save(Lease(addedMac, added, 3)),
                DhcpLeaseWrite.Remove(removed),
                DhcpLeaseWrite.Save(Lease(replacedMac, replaced, 4)),
                DhcpLeaseWrite.Remove(added),
                DhcpLeaseWrite.Save(Lease(addedMac, added, 5)),
            ],
            Ct);

        await using DataServices reader = Database.Open();
        Dictionary<IPAddress, DhcpLease> stored = (await reader.DhcpLeases.ListAsync(Ct)).ToDictionary(l => l.Address);
        Assert.Equal(Lease(keptMac, kept, 1), stored[kept]);
        Assert.Equal(Lease(replacedMac, replaced, 4), stored[replaced]);
        Assert.Equal(Lease(addedMac, added, 5), stored[added]);
        Assert.False(stored.ContainsKey(removed));
    }

    [Fact]
    public async Task A_claim_on_an_address_another_client_holds_is_refused_with_the_holder_and_an_ended_lease_or_the_holders_renewal_is_taken()
    {
        await using DataServices data = Database.Open();
        (IPAddress address, MacAddress holder) = NewLeaseAddress();
        MacAddress other = MacAddress.Parse(holder.ToString().Replace("52:", "06:", StringComparison.Ordinal));
        DateTimeOffset now = Time.GetUtcNow();
        DhcpLease held = new(holder, address, now, now.AddMinutes(10), "held", "");
        Assert.Empty(await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(held)], Ct));

        IReadOnlyList<DhcpLease> refused = await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(new DhcpLease(other, address, now.AddMinutes(1), now.AddMinutes(11), "other", ""))], Ct);
        IReadOnlyList<DhcpLease> renewed = await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(held with { Starts = now.AddMinutes(5), Ends = now.AddMinutes(15) })], Ct);
        DhcpLease afterEnd = new(other, address, now.AddMinutes(15), now.AddMinutes(25), "other", "");
        IReadOnlyList<DhcpLease> taken = await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(afterEnd)], Ct);

        Assert.Equal([held], refused);
        Assert.Empty(renewed);
        Assert.Empty(taken);
        Assert.Equal(afterEnd, Assert.Single(await data.DhcpLeases.ListAsync(Ct), l => l.Address.Equals(address)));
    }

    [Fact]
    public async Task A_reserved_claim_replaces_another_clients_lease_and_a_remove_naming_a_holder_removes_only_its_lease()
    {
        await using DataServices data = Database.Open();
        (IPAddress address, MacAddress holder) = NewLeaseAddress();
        MacAddress reserved = MacAddress.Parse(holder.ToString().Replace("52:", "0a:", StringComparison.Ordinal));
        DateTimeOffset now = Time.GetUtcNow();
        await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(new DhcpLease(holder, address, now, now.AddMinutes(10), "", ""))], Ct);

        Assert.Empty(await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Save(new DhcpLease(reserved, address, now, now.AddMinutes(10), "", ""), reserved: true)], Ct));
        await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Remove(address, holder)], Ct);
        Assert.Equal(reserved, Assert.Single(await data.DhcpLeases.ListAsync(Ct), l => l.Address.Equals(address)).Mac);

        await data.DhcpLeases.ClaimAsync([DhcpLeaseWrite.Remove(address, reserved)], Ct);
        Assert.DoesNotContain(await data.DhcpLeases.ListAsync(Ct), l => l.Address.Equals(address));
    }

    [Fact]
    public async Task The_leases_bound_since_a_time_are_listed_and_earlier_ones_are_not()
    {
        await using DataServices data = Database.Open();
        (IPAddress early, MacAddress earlyMac) = NewLeaseAddress();
        (IPAddress late, MacAddress lateMac) = NewLeaseAddress();
        DateTimeOffset now = Time.GetUtcNow();
        await data.DhcpLeases.ClaimAsync(
            [DhcpLeaseWrite.Save(new DhcpLease(earlyMac, early, now.AddHours(-3), now.AddHours(1), "", "")), DhcpLeaseWrite.Save(new DhcpLease(lateMac, late, now.AddHours(2), now.AddHours(3), "", ""))],
            Ct);

        IReadOnlyList<DhcpLease> since = await data.DhcpLeases.ListSinceAsync(now.AddHours(1), Ct);

        Assert.Contains(since, l => l.Address.Equals(late));
        Assert.DoesNotContain(since, l => l.Address.Equals(early));
    }

    /// <summary>A fresh address in 10.0.0.0/8 and a MAC made from it, so that tests do not see each other's leases.</summary>
    private static (IPAddress Address, MacAddress Mac) NewLeaseAddress()
    {
        byte[] bytes = new byte[3];
        Random.Shared.NextBytes(bytes);
        var address = new IPAddress([10, bytes[0], bytes[1], bytes[2]]);
        return (address, MacAddress.Parse($"52:54:00:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}"));
    }
}
