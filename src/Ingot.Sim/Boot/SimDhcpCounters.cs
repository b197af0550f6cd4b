namespace Ingot.Sim.Boot;

/// <summary>
/// What the simulated DHCP clients of a data centre saw, for a storm's report: how many exchanges
/// (DISCOVER→OFFER or REQUEST→ACK) they ran, how many sends were retransmissions, how many exchanges
/// got their answer only after a retransmission or more than <see cref="Late"/> after the first send
/// (a client that gave up then would have lost its lease), how many got none, and the longest wait.
/// Shared by every machine; thread safe.
/// </summary>
public sealed class SimDhcpCounters
{
    /// <summary>The old simulated client's whole patience (3 tries of 2 s).</summary>
    public static readonly TimeSpan Late = TimeSpan.FromSeconds(6);

    private long _exchanges;
    private long _retransmissions;
    private long _answeredAfterRetransmission;
    private long _answeredLate;
    private long _unanswered;
    private long _longestWaitMs;

    public long Exchanges => Interlocked.Read(ref _exchanges);

    public long Retransmissions => Interlocked.Read(ref _retransmissions);

    public long AnsweredAfterRetransmission => Interlocked.Read(ref _answeredAfterRetransmission);

    public long AnsweredLate => Interlocked.Read(ref _answeredLate);

    public long Unanswered => Interlocked.Read(ref _unanswered);

    public TimeSpan LongestWait => TimeSpan.FromMilliseconds(Interlocked.Read(ref _longestWaitMs));

    /// <summary>One exchange ended: answered (after <paramref name="sends"/> sends and <paramref name="waited"/>) or not.</summary>
    public void Exchanged(int sends, TimeSpan waited, bool answered)
    {
        Interlocked.Increment(ref _exchanges);
        Interlocked.Add(ref _retransmissions, Math.Max(0, sends - 1));
        if (!answered)
        {
            Interlocked.Increment(ref _unanswered);
            return;
        }

        if (sends > 1)
        {
            Interlocked.Increment(ref _answeredAfterRetransmission);
        }

        if (waited > Late)
        {
            Interlocked.Increment(ref _answeredLate);
        }

        long ms = (long)waited.TotalMilliseconds;
        long seen = Interlocked.Read(ref _longestWaitMs);
        while (ms > seen && Interlocked.CompareExchange(ref _longestWaitMs, ms, seen) != seen)
        {
            seen = Interlocked.Read(ref _longestWaitMs);
        }
    }

    public override string ToString() =>
        $"{Exchanges:N0} exchanges, {Retransmissions:N0} retransmissions, {AnsweredAfterRetransmission:N0} answered only after a retransmission, "
        + $"{AnsweredLate:N0} answered after more than {Late.TotalSeconds:F0} s, {Unanswered:N0} unanswered; longest wait {LongestWait.TotalSeconds:F1} s";
}
