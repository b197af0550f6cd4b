using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Data.Tests.Regions;

/// <summary>
/// One machine's BMC as two regions reach it: counts the power actions it received and answers queries
/// with its state. <see cref="Through"/> gives a region's client; one that dies after sending sends the
/// action and then stops (cancelled) before it can record the result, as a region killed with SIGKILL
/// between its BMC call and its save.
/// </summary>
internal sealed class SimulatedBmc
{
    public PowerState State { get; set; } = PowerState.Off;

    public List<PowerRequest> Received { get; } = [];

    public IPowerClient Through(bool diesAfterSending = false) => new Client(this, diesAfterSending);

    private sealed class Client(SimulatedBmc bmc, bool diesAfterSending) : IPowerClient
    {
        public Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            bmc.Received.Add(command.Request);
            bmc.State = command.Request is PowerRequest.On or PowerRequest.Cycle ? PowerState.On : PowerState.Off;
            return diesAfterSending
                ? throw new OperationCanceledException("The region was killed before it recorded the result.")
                : Task.FromResult(new PowerOutcome(bmc.State));
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => Task.FromResult(new PowerOutcome(bmc.State));
    }
}
