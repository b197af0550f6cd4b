namespace Ingot.Boot.Tftp;

/// <summary>What operators watch on the TFTP server; thread-safe counters.</summary>
public sealed class TftpCounters
{
    private long _requests;
    private long _malformed;
    private long _refused;
    private long _completed;
    private long _failed;
    private long _active;
    private long _strayDatagrams;

    /// <summary>Datagrams on the server port that parsed as a request.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Datagrams dropped because they were not a well-formed request.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Requests answered with an error packet (not served, write, bad mode, busy).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Transfers abandoned: timed out, aborted by the client, or a socket error.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long Active => Interlocked.Read(ref _active);

    /// <summary>Datagrams on a transfer socket from another address or port (answered Unknown transfer ID).</summary>
    public long StrayDatagrams => Interlocked.Read(ref _strayDatagrams);

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void Drop() => Interlocked.Increment(ref _malformed);

    internal void Refuse() => Interlocked.Increment(ref _refused);

    internal void Stray() => Interlocked.Increment(ref _strayDatagrams);

    internal long Begin() => Interlocked.Increment(ref _active);

    internal void End(bool completed)
    {
        Interlocked.Decrement(ref _active);
        Interlocked.Increment(ref completed ? ref _completed : ref _failed);
    }

    internal void Cancel() => Interlocked.Decrement(ref _active);
}
