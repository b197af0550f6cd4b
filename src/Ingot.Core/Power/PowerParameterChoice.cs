namespace Ingot.Core.Power;

/// <summary>One choice of a choice field: the stored value and the label shown (MAAS's <c>[value, label]</c> pairs).</summary>
public sealed record PowerParameterChoice(string Value, string Label);
