using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// One machine's BMC as the Redfish driver drives it, shared by several regions: <see cref="Resets"/> lists
/// the resets it received the way the driver sends them (an on when on is ForceOff then On, an off when
/// on is ForceOff, a cycle is On when off, else ForceOff then On), and a query answers its state. A region's
/// client (<see cref="Through"/>) that dies after sending carries out its first action and is then
/// cancelled before it can record the result, as a region killed with SIGKILL between its BMC call and its save.
/// </summary>
internal sealed class ResettingBmc
{
    public bool IsOn { get; set; }

    public List<string> Resets { get; } = [];

    public IPowerClient Through(bool diesAfterSending = false) => new Client(this, diesAfterSending);

    private void Apply(PowerRequest request)
    {
        if (IsOn && request is PowerRequest.On or PowerRequest.Cycle or PowerRequest.Off or PowerRequest.SoftOff)
        {
            Resets.Add("ForceOff");
            IsOn = false;
        }

        if (request is PowerRequest.On or PowerRequest.Cycle)
        {
            Resets.Add("On");
            IsOn = true;
        }
    }

    private sealed class Client(ResettingBmc bmc, bool diesAfterSending) : IPowerClient
    {
        public Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(command);
            bmc.Apply(command.Request);
            return diesAfterSending
                ? throw new OperationCanceledException("The region was killed before it recorded the result.")
                : Task.FromResult(new PowerOutcome(bmc.IsOn ? PowerState.On : PowerState.Off));
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) =>
            Task.FromResult(new PowerOutcome(bmc.IsOn ? PowerState.On : PowerState.Off));
    }
}
