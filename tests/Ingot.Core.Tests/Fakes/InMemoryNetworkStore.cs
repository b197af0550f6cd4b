using System.Reflection;
using Ingot.Core.Networks;

namespace Ingot.Core.Tests.Fakes;

/// <summary>
/// An <see cref="INetworkStore"/> in memory with the database's rules that matter to Core: compare-and-set
/// on the version, ids assigned on insert, fabric-0 with VLAN 5001 to start with, and loads that hand out copies.
/// </summary>
public sealed class InMemoryNetworkStore : INetworkStore
{
    private readonly List<object> _rows = [];
    private long _version;
    private long _nextId = 1;

    public InMemoryNetworkStore()
    {
        _rows.Add(new Fabric { Id = 0, Name = "fabric-0" });
        _rows.Add(new Vlan { Id = 5001, FabricId = 0, Vid = 0 });
    }

    /// <summary>How many saves were refused for a stale version.</summary>
    public int Conflicts { get; private set; }

    public Task<NetworkModel> LoadAsync(CancellationToken ct)
    {
        lock (_rows)
        {
            return Task.FromResult(new NetworkModel(
                _version,
                Copies<Fabric>(),
                Copies<Vlan>(),
                Copies<Space>(),
                Copies<Subnet>(),
                Copies<IpRange>(),
                Copies<StaticIpAddress>()));
        }
    }

    public Task<bool> SaveAsync(NetworkChange change, CancellationToken ct)
    {
        lock (_rows)
        {
            if (change.ExpectedVersion != _version)
            {
                Conflicts++;
                return Task.FromResult(false);
            }

            _version++;
            foreach (object removed in change.Removed)
            {
                _rows.RemoveAll(r => r.GetType() == removed.GetType() && IdOf(r) == IdOf(removed));
            }

            foreach (object updated in change.Updated)
            {
                int index = _rows.FindIndex(r => r.GetType() == updated.GetType() && IdOf(r) == IdOf(updated));
                _rows[index] = Copy(updated);
            }

            foreach ((object entity, Action? before) in change.Added)
            {
                before?.Invoke();
                entity.GetType().GetProperty("Id")!.SetValue(entity, _nextId++ + (entity is Vlan ? 6000 : 0));
                _rows.Add(Copy(entity));
            }

            return Task.FromResult(true);
        }
    }

    private List<T> Copies<T>() => [.. _rows.OfType<T>().Select(r => (T)Copy(r!))];

    private static long IdOf(object row) => (long)row.GetType().GetProperty("Id")!.GetValue(row)!;

    private static object Copy(object row) => row is Subnet subnet
        ? subnet.Copy()
        : typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(row, null)!;
}
