using Ingot.Core.Machines;

namespace Ingot.Core.Enlistment;

/// <summary>The machine a create or enlistment request ended with, and whether it was new or an existing one it matched.</summary>
public sealed record EnlistmentResult(Machine Machine, bool Created);
