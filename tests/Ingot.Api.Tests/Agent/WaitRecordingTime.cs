using System.Collections.Concurrent;

namespace Ingot.Api.Tests.Agent;

/// <summary>The system clock, except that every timer (<c>Task.Delay(…, time, …)</c>) fires at once; the waits asked for are kept in <see cref="Waits"/>.</summary>
internal sealed class WaitRecordingTime : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            dueTime = TimeSpan.Zero;
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
