using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// What the UI clone action did: the destinations it cloned to, and the errors of those it dropped
/// (or of the whole form, when nothing could be cloned). Errors are reported to the user as MAAS's
/// <c>NodeActionError</c> even when some destinations were cloned.
/// </summary>
public sealed record CloneOutcome(IReadOnlyList<Machine> Cloned, IReadOnlyList<CloneError> Errors);
