using Ingot.Core.Power;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>Answers every action and query with <see cref="Answer"/>, recording the commands and the peak concurrency.</summary>
internal sealed class FakePowerClient : IPowerClient
{
    private int _running;

    public PowerOutcome Answer { get; set; } = new(PowerState.Off);

    public List<PowerCommand> Commands { get; } = [];

    public int PeakConcurrency { get; private set; }

    public Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct) => AnswerAsync(command);

    public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => AnswerAsync(command);

    private async Task<PowerOutcome> AnswerAsync(PowerCommand command)
    {
        int running = Interlocked.Increment(ref _running);
        lock (Commands)
        {
            Commands.Add(command);
            PeakConcurrency = Math.Max(PeakConcurrency, running);
        }

        await Task.Yield();
        Interlocked.Decrement(ref _running);
        return Answer;
    }
}
