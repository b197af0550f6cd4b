using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Editing;
using Ingot.Core.Placement;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ingot.Data.Tests;

/// <summary>
/// <c>machines.hostname</c> is unique (MAAS's <c>Node.hostname</c>, <c>unique=True</c>): a store refuses a second
/// machine with a name as <see cref="HostnameTakenException"/> and writes nothing; concurrent enlistments that
/// generate the same name pick again; the migration renames machines that already share a name.
/// </summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task A_machine_added_under_a_taken_hostname_is_refused_as_taken_and_nothing_is_written()
    {
        await using DataServices data = Database.Open();
        string name = $"taken-{TestMachines.NewSystemId()}";
        Machine first = TestMachines.Full(Now);
        first.Hostname = name;
        await data.Machines.AddAsync(first, Ct);
        Machine second = TestMachines.Full(Now);
        second.Hostname = name;

        HostnameTakenException e = await Assert.ThrowsAsync<HostnameTakenException>(() => data.Machines.AddAsync(second, Ct));

        Assert.Equal(name, e.Hostname);
        Assert.Null(await data.Machines.FindAsync(second.SystemId, Ct));
        Assert.Empty(await data.Machines.EventsAsync(second.SystemId, Ct));
        Assert.Equal([name], (await data.Machines.TakenHostnamesAsync([name], Ct)).ToArray());
    }

    [Fact]
    public async Task A_machine_saved_under_another_machines_hostname_is_refused_and_keeps_its_name_and_version()
    {
        await using DataServices data = Database.Open();
        Machine other = TestMachines.Full(Now);
        await data.Machines.AddAsync(other, Ct);
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);
        string own = machine.Hostname;
        long version = machine.Version;

        machine.Hostname = other.Hostname;
        await Assert.ThrowsAsync<HostnameTakenException>(() => data.Machines.SaveAsync(machine, Ct));

        Assert.Equal(version, machine.Version);
        Assert.Equal(own, (await data.Machines.FindAsync(machine.SystemId, Ct))!.Hostname);
        machine.Hostname = own + "-renamed";
        await data.Machines.SaveAsync(machine, Ct);
        Assert.Equal(own + "-renamed", (await data.Machines.FindAsync(machine.SystemId, Ct))!.Hostname);
    }

    [Fact]
    public async Task Concurrent_enlistments_whose_generator_keeps_colliding_all_get_distinct_hostnames()
    {
        const int Count = 150;
        await using DataServices data = Database.Open();
        // Two adjectives and two nouns: four word pairs, then numbered names; most picks collide.
        var store = new CountingRefusals(data.Machines);
        var enlister = new MachineEnlister(
            store, Time, new LifecycleSettings(), SystemIdGenerator.Shared, new HostnameGenerator(new FewWords(2, seed: 7)));
        string[] macs = [.. Enumerable.Range(0, Count).Select(_ => TestMachines.NewMac().ToString())];

        EnlistmentResult[] results = await Task.WhenAll(macs.Select(mac => Task.Run(
            () => enlister.EnlistAsync(new MachineRequest { Architecture = "amd64", MacAddresses = [mac] }, Ct), Ct)));

        Assert.All(results, r => Assert.True(r.Created));
        string[] names = [.. results.Select(r => r.Machine.Hostname)];
        Assert.Equal(Count, names.Distinct(StringComparer.Ordinal).Count());
        var stored = new List<string>();
        foreach (EnlistmentResult r in results)
        {
            stored.Add((await data.Machines.FindAsync(r.Machine.SystemId, Ct))!.Hostname);
        }

        Assert.Equal(names, stored);
        // The picks did collide in the store, and were picked again.
        Assert.True(store.Refusals > 0, "no enlistment lost a generated name to another: the test did not test the retry");
        TestContext.Current.SendDiagnosticMessage($"{Database.Provider}: {Count} enlistments, {store.Refusals} generated names lost to a concurrent enlistment and picked again");
    }

    [Fact]
    public async Task Concurrent_adds_asking_for_one_hostname_store_one_machine_and_refuse_the_rest_with_maas_error()
    {
        const int Count = 20;
        await using DataServices data = Database.Open();
        var enlister = new MachineEnlister(data.Machines, Time, new LifecycleSettings());
        string name = $"asked-{TestMachines.NewSystemId()}";
        Actor admin = Actor.User("admin", isAdmin: true);

        Task<Machine>[] adds = [.. Enumerable.Range(0, Count).Select(_ => Task.Run(() => enlister.AddAsync(
            new MachineRequest { Hostname = name, Architecture = "amd64", MacAddresses = [TestMachines.NewMac().ToString()], Commission = false },
            admin,
            Ct), Ct))];
        var added = new List<Machine>();
        var refused = new List<MachineFormException>();
        foreach (Task<Machine> add in adds)
        {
            try
            {
                added.Add(await add);
            }
            catch (MachineFormException e)
            {
                refused.Add(e);
            }
        }

        Machine stored = Assert.Single(added);
        Assert.Equal(name, (await data.Machines.FindAsync(stored.SystemId, Ct))!.Hostname);
        Assert.Equal(Count - 1, refused.Count);
        Assert.All(refused, e => Assert.Equal(["Node with this Hostname already exists."], e.Errors["hostname"]));
        Assert.Equal([name], (await data.Machines.TakenHostnamesAsync([name], Ct)).ToArray());
    }

    [Fact]
    public async Task Renaming_a_machine_to_a_taken_hostname_is_maas_form_error_and_to_its_own_name_is_no_collision()
    {
        await using DataServices data = Database.Open();
        var editor = new MachineEditor(data.Machines, new MachinePlacement(data.Zones, data.Pools, data.Domains, data.Tags), Time);
        Actor admin = Actor.User("admin", isAdmin: true);
        Machine other = TestMachines.Full(Now);
        await data.Machines.AddAsync(other, Ct);
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);

        MachineFormException e = await Assert.ThrowsAsync<MachineFormException>(
            () => editor.UpdateAsync(machine.SystemId, admin, new MachineEdit { Hostname = other.Hostname, Description = "changed" }, Ct));
        Machine unchanged = await editor.UpdateAsync(machine.SystemId, admin, new MachineEdit { Hostname = machine.Hostname }, Ct);

        Assert.Equal(["Node with this Hostname already exists."], e.Errors["hostname"]);
        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((machine.Hostname, machine.Description), (stored.Hostname, stored.Description));
        Assert.Equal(machine.Hostname, unchanged.Hostname);
    }

    [Fact]
    public async Task The_unique_hostname_migration_renames_machines_that_share_a_name_keeping_the_oldest()
    {
        Database.RequireAvailable();
        var database = IngotDatabase.Open(await Database.CreateEmptyDatabaseAsync());
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!);
        }

        await using (IngotDbContext db = database.CreateDbContext())
        {
            string previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_UniqueHostnames", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(previous, Ct);
            // In id order: "dup" three times, with "dup-2" (taken by its own machine) in between, "dup-2" twice, "solo".
            string[] hostnames = ["dup", "dup-2", "dup", "solo", "dup", "dup-2"];
            for (int i = 0; i < hostnames.Length; i++)
            {
                await InsertOldMachineAsync(db, $"old{i:D3}", hostnames[i]);
            }
        }

        await database.MigrateAsync(Ct);

        await using IngotDbContext after = database.CreateDbContext();
        var names = await after.Machines.OrderBy(m => m.Id).Select(m => new { m.SystemId, m.Hostname }).ToListAsync(Ct);
        Assert.Equal(
            [("old000", "dup"), ("old001", "dup-2"), ("old002", "dup-3"), ("old003", "solo"), ("old004", "dup-4"), ("old005", "dup-2-2")],
            names.Select(n => (n.SystemId, n.Hostname)).ToArray());
        Assert.Contains(after.Model.FindEntityType(typeof(Machine))!.GetIndexes(), i => i.IsUnique && i.Properties.Single().Name == nameof(Machine.Hostname));
        await using DataServices data = DataServices.Open(database.ConnectionString);
        Machine again = TestMachines.Full(Now);
        again.Hostname = "dup";
        await Assert.ThrowsAsync<HostnameTakenException>(() => data.Machines.AddAsync(again, Ct));
    }

    /// <summary>The real store, counting the inserts it refused for a taken hostname.</summary>
    private sealed class CountingRefusals(IMachineStore inner) : IMachineStore
    {
        private int _refusals;

        public int Refusals => Volatile.Read(ref _refusals);

        public async Task AddAsync(Machine machine, CancellationToken ct)
        {
            try
            {
                await inner.AddAsync(machine, ct);
            }
            catch (HostnameTakenException)
            {
                Interlocked.Increment(ref _refusals);
                throw;
            }
        }

        public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => inner.FindAsync(systemId, ct);

        public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

        public Task SaveAsync(Machine machine, CancellationToken ct) => inner.SaveAsync(machine, ct);

        public Task SaveAsync(Machine machine, IReadOnlyList<Core.Scripts.ScriptSet> scriptSets, CancellationToken ct) => inner.SaveAsync(machine, scriptSets, ct);

        public Task SaveAsync(Machine machine, Core.Networks.LinkAddresses addresses, CancellationToken ct) => inner.SaveAsync(machine, addresses, ct);

        public Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct) => inner.SaveAllAsync(machines, ct);

        public Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct) => inner.ClaimAsync(candidates, acquire, ct);

        public Task DeleteAsync(Machine machine, CancellationToken ct) => inner.DeleteAsync(machine, ct);

        public Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) => inner.FindExpiredAsync(now, ct);

        public Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct) => inner.FindEnlistingByPowerAddressAsync(powerAddress, ct);

        public Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<Core.Hardware.MacAddress> macs, CancellationToken ct) => inner.FindEnlistingByMacAsync(macs, ct);

        public Task<Machine?> FindByMacAsync(Core.Hardware.MacAddress mac, CancellationToken ct) => inner.FindByMacAsync(mac, ct);

        public Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) => inner.TakenHostnamesAsync(hostnames, ct);

        public Task<IReadOnlyList<Core.Events.MachineEvent>> EventsAsync(string systemId, CancellationToken ct) => inner.EventsAsync(systemId, ct);
    }

    /// <summary>A random source that only ever picks among the first <c>limit</c> words of each list (thread-safe).</summary>
    private sealed class FewWords(int limit, int seed) : Random
    {
        private readonly Random _inner = new(seed);
        private readonly Lock _lock = new();

        public override int Next(int maxValue)
        {
            lock (_lock)
            {
                return _inner.Next(Math.Min(maxValue, limit));
            }
        }
    }
}
