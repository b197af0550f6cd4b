using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Power;

/// <summary>What the power layer is asked to do for one machine: the request, and the BMC it goes to.</summary>
/// <remarks>
/// <see cref="Claim"/> names the claim the request is carried out under (region, when it was taken, whether
/// it was taken over and from which region), for the power layer's logs; empty for queries outside a claim.
/// <see cref="NetworkBooted"/> is the machine's own evidence that a power-on (or a cycle's power-on) took effect:
/// whether it network-booted under the claim since it was sent (<see cref="Machines.Machine.PowerClaimBooted"/>).
/// The power layer asks it before sending a power-on again to a machine its BMC shows off; null: no such evidence.
/// </remarks>
public sealed record PowerCommand(string SystemId, string PowerType, IReadOnlyDictionary<string, string> Parameters, PowerRequest Request)
{
    public string Claim { get; init; } = "";

    public Func<CancellationToken, Task<bool>>? NetworkBooted { get; init; }
}
