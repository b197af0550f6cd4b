namespace Ingot.Core.Machines.Actions;

/// <summary>The clone action's parameters: the destinations and what to copy onto them.</summary>
public sealed record CloneParameters(IReadOnlyList<string> Destinations, bool Storage, bool Interfaces)
{
    public static CloneParameters None { get; } = new([], false, false);
}
