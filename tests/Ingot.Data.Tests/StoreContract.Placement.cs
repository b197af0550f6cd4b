using Ingot.Core.Domains;
using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Placement;
using Ingot.Core.ResourcePools;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);

    [Fact]
    public async Task The_default_zone_pool_and_domain_exist_after_migration()
    {
        await using DataServices data = Database.Open();

        Zone? zone = await data.Zones.FindAsync("default", Ct);
        ResourcePool? pool = await data.Pools.FindByIdAsync(0, Ct);
        Domain? domain = await data.Domains.FindByIdAsync(0, Ct);

        Assert.NotNull(zone);
        Assert.Equal(("default", "Default pool"), (pool?.Name, pool?.Description));
        Assert.Equal(("maas", true, (int?)null), (domain?.Name, domain?.Authoritative, domain?.Ttl));
        Assert.True(await data.Zones.ExistsAsync("default", Ct));
        Assert.False(await data.Zones.ExistsAsync("no-such-zone", Ct));
    }

    [Fact]
    public async Task A_zone_name_is_unique_and_a_rename_moves_its_machines()
    {
        await using DataServices data = Database.Open();
        var zones = new ZoneOperations(data.Zones, Time);
        string name = $"zone-{TestMachines.NewSystemId()}";
        await zones.CreateAsync(s_admin, name, "north room", Ct);
        Machine machine = await AddMachineAsync(data, m => m.Zone = name);

        var taken = await Assert.ThrowsAsync<MachineFormException>(() => zones.CreateAsync(s_admin, name, "", Ct));
        var forbidden = await Assert.ThrowsAsync<MachineOperationException>(() => zones.CreateAsync(Actor.User("alice"), name + "-c", "", Ct));
        Assert.Equal(ErrorCategory.Forbidden, forbidden.Category);
        Assert.False(await data.Zones.ExistsAsync(name + "-c", Ct));
        Zone renamed = await zones.UpdateAsync(s_admin, name, name + "-b", "south room", Ct);

        Assert.Equal(["Physical zone with this Name already exists."], taken.Errors["name"]);
        Assert.Equal((name + "-b", "south room"), (renamed.Name, (await data.Zones.FindAsync(name + "-b", Ct))?.Description));
        Machine reloaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(name + "-b", reloaded.Zone);
        Assert.Equal(machine.Version + 1, reloaded.Version);
        await Assert.ThrowsAsync<MachineConflictException>(() => data.Machines.SaveAsync(machine, Ct));
    }

    [Fact]
    public async Task Deleting_a_zone_moves_its_machines_to_the_default_zone_and_the_default_zone_stays()
    {
        await using DataServices data = Database.Open();
        var zones = new ZoneOperations(data.Zones, Time);
        string name = $"zone-{TestMachines.NewSystemId()}";
        await zones.CreateAsync(s_admin, name, null, Ct);
        Machine machine = await AddMachineAsync(data, m => m.Zone = name);

        await zones.DeleteAsync(s_admin, name, Ct);
        var refused = await Assert.ThrowsAsync<MachineOperationException>(() => zones.DeleteAsync(s_admin, "default", Ct));

        Assert.Null(await data.Zones.FindAsync(name, Ct));
        Assert.Equal("default", (await data.Machines.FindAsync(machine.SystemId, Ct))!.Zone);
        Assert.Equal(("This zone is the default zone, it cannot be deleted.", ErrorCategory.BadRequest), (refused.Message, refused.Category));
        Assert.NotNull(await data.Zones.FindAsync("default", Ct));
        Assert.False(await data.Zones.DeleteAsync(name, Ct));
    }

    [Fact]
    public async Task A_pool_with_machines_is_not_deleted_and_an_empty_one_is()
    {
        await using DataServices data = Database.Open();
        var pools = new ResourcePoolOperations(data.Pools, Time);
        string name = $"pool-{TestMachines.NewSystemId()}";
        ResourcePool pool = await pools.CreateAsync(s_admin, name, "rack 1", Ct);
        Machine machine = await AddMachineAsync(data, m => m.Pool = name);

        var busy = await Assert.ThrowsAsync<MachineOperationException>(() => pools.DeleteAsync(s_admin, name, Ct));
        var byDefault = await Assert.ThrowsAsync<MachineOperationException>(() => pools.DeleteAsync(s_admin, "0", Ct));
        Assert.Equal("Pool has machines in it, it cannot be deleted.", busy.Message);
        Assert.Equal("This is the default pool, it cannot be deleted.", byDefault.Message);
        Assert.Equal(name, (await pools.GetAsync(pool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Name);

        await pools.UpdateAsync(s_admin, name, name + "-b", null, Ct);
        Assert.Equal(name + "-b", (await data.Machines.FindAsync(machine.SystemId, Ct))!.Pool);
        Machine moved = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        moved.SetPool("default", Now);
        await data.Machines.SaveAsync(moved, Ct);
        await pools.DeleteAsync(s_admin, name + "-b", Ct);

        Assert.Null(await data.Pools.FindByIdAsync(pool.Id, Ct));
        Assert.Equal(PoolDeletion.NotFound, await data.Pools.DeleteAsync(pool.Id, Ct));
    }

    [Fact]
    public async Task Domains_round_trip_rename_their_machines_and_refuse_deletion_while_used()
    {
        await using DataServices data = Database.Open();
        var domains = new DomainOperations(data.Domains, Time);
        string name = $"d{TestMachines.NewSystemId()}.example";
        Domain domain = await domains.CreateAsync(s_admin, name, authoritative: false, ttl: 300, Ct);
        Machine machine = await AddMachineAsync(data, m => m.Domain = name);

        Domain found = await domains.GetAsync(domain.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        var used = await Assert.ThrowsAsync<MachineOperationException>(() => domains.DeleteAsync(s_admin, name, Ct));
        await domains.UpdateAsync(s_admin, name, "x" + name, authoritative: true, ttl: null, clearTtl: true, Ct);
        var taken = await Assert.ThrowsAsync<MachineFormException>(() => domains.CreateAsync(s_admin, "x" + name, null, null, Ct));

        Assert.Equal((name, false, (int?)300), (found.Name, found.Authoritative, found.Ttl));
        Assert.Equal(DomainForm.HasMachines(name), used.Message);
        Assert.Equal(["Domain with this Name already exists."], taken.Errors["name"]);
        Domain updated = (await data.Domains.FindAsync("x" + name, Ct))!;
        Assert.Equal((true, (int?)null), (updated.Authoritative, updated.Ttl));
        Assert.Equal("x" + name, (await data.Machines.FindAsync(machine.SystemId, Ct))!.Domain);
        Assert.Equal(1, await data.Domains.MachineCountAsync("x" + name, Ct));
    }

    [Fact]
    public async Task Placement_refuses_a_zone_pool_or_domain_that_does_not_exist()
    {
        await using DataServices data = Database.Open();
        var placement = new MachinePlacement(data.Zones, data.Pools, data.Domains, data.Tags);

        await placement.CheckAsync("default", "default", "maas", Ct);
        var refused = await Assert.ThrowsAsync<MachineFormException>(() => placement.CheckAsync("nowhere", "default", "nodomain", Ct));

        Assert.Equal(["zone", "domain"], refused.Errors.Keys);
        Assert.Equal([MachinePlacement.InvalidChoice], refused.Errors["zone"]);
    }

    private async Task<Machine> AddMachineAsync(DataServices data, Action<Machine> change)
    {
        Machine machine = TestMachines.Full(Now);
        change(machine);
        await data.Machines.AddAsync(machine, Ct);
        return machine;
    }
}
