using Ingot.Core.Power;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// A BMC whose state the test sets (<see cref="State"/>): a query answers it; an on, off or cycle sets it and
/// answers it. With <see cref="HoldActions"/>, an action waits until <see cref="Finish"/> so that the test can
/// run something else while it is in flight (<see cref="Started"/> completes when one starts).
/// </summary>
internal sealed class GatedPowerClient : IPowerClient
{
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PowerState State { get; set; } = PowerState.Off;

    public bool HoldActions { get; set; }

    public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<PowerCommand> Actions { get; } = [];

    public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        Actions.Add(command);
        Started.TrySetResult();
        if (HoldActions)
        {
            await _release.Task.WaitAsync(ct);
        }

        State = command.Request is Core.Machines.Actions.PowerRequest.On or Core.Machines.Actions.PowerRequest.Cycle ? PowerState.On : PowerState.Off;
        return new PowerOutcome(State);
    }

    public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => Task.FromResult(new PowerOutcome(State));

    /// <summary>Lets the held action finish; the next one is held again while <see cref="HoldActions"/> is set.</summary>
    public void Finish()
    {
        TaskCompletionSource release = _release;
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        release.TrySetResult();
    }
}
