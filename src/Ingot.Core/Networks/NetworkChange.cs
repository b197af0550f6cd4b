namespace Ingot.Core.Networks;

/// <summary>
/// A change to the network model, written in one transaction only if the model is still at
/// <see cref="ExpectedVersion"/> (compare-and-set); the version then goes up by one. Additions are
/// inserted in order, each after its <c>before</c> action ran, so that a row can take the id of one
/// added before it (a new fabric's default VLAN).
/// </summary>
public sealed class NetworkChange(long expectedVersion)
{
    private readonly List<(object Entity, Action? Before)> _added = [];
    private readonly List<object> _updated = [];
    private readonly List<object> _removed = [];

    public long ExpectedVersion { get; } = expectedVersion;

    public IReadOnlyList<(object Entity, Action? Before)> Added => _added;

    public IReadOnlyList<object> Updated => _updated;

    public IReadOnlyList<object> Removed => _removed;

    public NetworkChange Add(object entity, Action? before = null)
    {
        _added.Add((entity, before));
        return this;
    }

    public NetworkChange Update(object entity)
    {
        _updated.Add(entity);
        return this;
    }

    public NetworkChange Remove(object entity)
    {
        _removed.Add(entity);
        return this;
    }
}
