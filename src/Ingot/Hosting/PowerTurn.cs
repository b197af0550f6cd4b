using Ingot.Core.Machines.Actions;

namespace Ingot.Hosting;

/// <summary>
/// One machine's turn at the <see cref="PowerExecutorService"/>: one action at a time, and the action under way once
/// it has claimed its request (so that a different request can cancel it).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim's wait handle is never asked for (AvailableWaitHandle), so it holds nothing to dispose.")]
internal sealed class PowerTurn
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile UnderWayPower? _underWay;

    /// <summary>The action under way with the request it claimed; null before its claim is saved and after it ended.</summary>
    public UnderWayPower? UnderWay => _underWay;

    public bool TryEnter() => _gate.Wait(0);

    public Task EnterAsync(CancellationToken ct) => _gate.WaitAsync(ct);

    /// <summary>The action holding the turn claimed <paramref name="request"/>; <paramref name="cancel"/> cancels it.</summary>
    public void Claimed(CancellationTokenSource cancel, PowerRequest request) => _underWay = new UnderWayPower(cancel, request);

    /// <summary>The action holding the turn ended: the turn passes on.</summary>
    public void Done()
    {
        _underWay = null;
        _gate.Release();
    }
}

/// <summary>A power action under way: the request it claimed, and its cancellation.</summary>
internal sealed class UnderWayPower(CancellationTokenSource cancel, PowerRequest request)
{
    public PowerRequest Request => request;

    /// <summary>Cancels the action; one that ended meanwhile (its source disposed) is left alone.</summary>
    public void Cancel()
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
