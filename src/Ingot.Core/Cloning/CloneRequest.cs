namespace Ingot.Core.Cloning;

/// <summary>
/// MAAS's clone form: the <c>source</c> and <c>destinations</c> (each a system_id or hostname) and
/// what to clone. Null means the field was not sent.
/// </summary>
public sealed record CloneRequest(string? Source, IReadOnlyList<string>? Destinations, bool Storage, bool Interfaces);
