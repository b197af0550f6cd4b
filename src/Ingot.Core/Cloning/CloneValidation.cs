using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>The result of validating a clone form: the resolved machines, a plan per valid destination, and every error.</summary>
internal sealed record CloneValidation(
    Machine? Source,
    IReadOnlyList<(string Given, Machine Machine)> Destinations,
    IReadOnlyList<ClonePlan> Plans,
    IReadOnlyList<CloneError> Errors);
