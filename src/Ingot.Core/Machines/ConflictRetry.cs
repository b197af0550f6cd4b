namespace Ingot.Core.Machines;

/// <summary>
/// A read-modify-save of one machine, run again from the read when the save lost its compare-and-set
/// (<see cref="MachineConflictException"/>): for writes a client must not see refused because
/// someone else saved the machine meanwhile (the status webhook and <c>signal</c>, which MAAS applies
/// whatever else writes the node). Each attempt starts from a fresh read, so it decides again on the
/// machine as it now is; after <see cref="Attempts"/> lost races (some ten seconds
/// of waiting, plus the saves waited for: an attempt refused for a save of the machine under way in this
/// process first waits for that save to end) the last conflict is thrown.
/// </summary>
public static class ConflictRetry
{
    /// <summary>How many times the work runs at most.</summary>
    public const int Attempts = 100;

    /// <summary>
    /// Runs <paramref name="work"/>; after a lost race waits a few milliseconds (more each time, at
    /// random so that two losers do not meet again) on <paramref name="time"/> and runs it again.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, TimeProvider time, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (MachineConflictException e) when (attempt < Attempts)
            {
                // Refused at once for a save of the machine under way here: that save may wait long for the
                // database (a busy SQLite's write lock, seconds), and every attempt before it ends is refused
                // the same way, so wait for it rather than spend the attempts.
                if (e.InFlight is { } winner)
                {
                    await winner.WaitAsync(ct);
                }

                // The winner may still be committing; give it a moment before reading again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(10 * attempt, 200))), time, ct);
            }
        }
    }
}
