namespace Ingot.Api.Machines;

/// <summary>
/// How many bytes of rendered list JSON <see cref="MachineListCache"/> may keep in all. A machine whose
/// JSON does not fit is rendered on every list and not kept (its older rendering is let go); JSON of a
/// machine that was deleted or changed is given back when the cache drops its entry.
/// </summary>
internal sealed class MachineJsonBudget(long maxBytes)
{
    private readonly Lock _gate = new();
    private long _used;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Bytes of JSON kept now.</summary>
    public long Used
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <summary>Whether a rendering of <paramref name="bytes"/> may replace one of <paramref name="replaced"/>; if so it is counted.</summary>
    public bool TryReplace(long replaced, long bytes)
    {
        lock (_gate)
        {
            if (_used - replaced + bytes > MaxBytes)
            {
                _used -= replaced;
                return false;
            }

            _used += bytes - replaced;
            return true;
        }
    }

    /// <summary>A rendering of <paramref name="bytes"/> was let go.</summary>
    public void Release(long bytes)
    {
        lock (_gate)
        {
            _used -= bytes;
        }
    }
}
