using Ingot.Core.Machines;
using Ingot.Core.Machines.Changes;
using Ingot.Core.Tests.Fakes;

namespace Ingot.Core.Tests.Changes;

public sealed class NotifyingMachineStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly MachineChangeFeed _feed = new();
    private readonly List<IReadOnlyList<string>> _published = [];
    private readonly NotifyingMachineStore _store;

    public NotifyingMachineStoreTests()
    {
        _feed.Changed += ids => _published.Add(ids);
        _store = new NotifyingMachineStore(new InMemoryMachineStore(), _feed);
    }

    [Fact]
    public async Task Add_save_save_all_and_delete_each_publish_the_machines_they_wrote()
    {
        Machine a = Machine.Create("aaaaaa", "a", DateTime.UnixEpoch);
        Machine b = Machine.Create("bbbbbb", "b", DateTime.UnixEpoch);

        await _store.AddAsync(a, Ct);
        await _store.AddAsync(b, Ct);
        a.Hostname = "a2";
        await _store.SaveAsync(a, Ct);
        await _store.SaveAllAsync([a, b], Ct);
        await _store.DeleteAsync(b, Ct);

        Assert.Equal(
            [["aaaaaa"], ["bbbbbb"], ["aaaaaa"], ["aaaaaa", "bbbbbb"], ["bbbbbb"]],
            _published.Select(ids => ids.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_write_the_inner_store_refuses_publishes_nothing()
    {
        Machine unknown = Machine.Create("dddddd", "d", DateTime.UnixEpoch);

        await Assert.ThrowsAsync<MachineConflictException>(() => _store.SaveAsync(unknown, Ct));
        await Assert.ThrowsAsync<MachineConflictException>(() => _store.DeleteAsync(unknown, Ct));

        Assert.Empty(_published);
    }

    [Fact]
    public async Task Reads_pass_through_and_publish_nothing()
    {
        Machine machine = Machine.Create("eeeeee", "e", DateTime.UnixEpoch);
        await _store.AddAsync(machine, Ct);
        _published.Clear();

        Assert.Same(machine, await _store.FindAsync("eeeeee", Ct));
        Assert.Single(await _store.ListAsync(MachineQuery.ForDisplay, Ct));

        Assert.Empty(_published);
    }
}
