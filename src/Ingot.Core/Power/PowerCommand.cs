using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Power;

/// <summary>What the power layer is asked to do for one machine: the request, and the BMC it goes to.</summary>
public sealed record PowerCommand(string SystemId, string PowerType, IReadOnlyDictionary<string, string> Parameters, PowerRequest Request);
