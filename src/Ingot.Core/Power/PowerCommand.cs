using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Power;

/// <summary>What the power layer is asked to do for one machine: the request, and the BMC it goes to.</summary>
/// <remarks>
/// <see cref="Claim"/> names the claim the request is carried out under (region, when it was taken, whether
/// it was taken over and from which region), for the power layer's logs; empty for queries outside a claim.
/// </remarks>
public sealed record PowerCommand(string SystemId, string PowerType, IReadOnlyDictionary<string, string> Parameters, PowerRequest Request)
{
    public string Claim { get; init; } = "";
}
