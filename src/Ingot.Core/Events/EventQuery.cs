namespace Ingot.Core.Events;

/// <summary>
/// What <see cref="IEventLog.QueryAsync"/> returns: each non-empty list narrows the machines
/// (MAAS's node filters), <see cref="Levels"/> the event levels, <see cref="Username"/> the user who
/// caused the event, and <see cref="VisibleTo"/> keeps the machines a non-admin may view (no owner,
/// or owned by them); null means every machine. Before and after are event ids (exclusive).
/// </summary>
public sealed record EventQuery
{
    public IReadOnlyList<string> SystemIds { get; init; } = [];

    public IReadOnlyList<string> Hostnames { get; init; } = [];

    public IReadOnlyList<Hardware.MacAddress> MacAddresses { get; init; } = [];

    public IReadOnlyList<string> Zones { get; init; } = [];

    public IReadOnlyList<string> AgentNames { get; init; } = [];

    /// <summary>The levels to return (empty: none, as for CRITICAL, which Ingot never records).</summary>
    public required IReadOnlyList<EventLevel> Levels { get; init; }

    public string? Username { get; init; }

    /// <summary>
    /// Words that must each appear, ignoring case, in the event's description, type, user or machine hostname
    /// (the web UI's search; <c>events/?op=query</c> has no such parameter, so the API never sets it).
    /// </summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>
    /// Event type names (<see cref="EventType.Name"/>) to keep, empty for every type (the web UI's type filter; the API
    /// never sets it).
    /// </summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    public string? VisibleTo { get; init; }

    public long? Before { get; init; }

    public long? After { get; init; }

    public int Limit { get; init; } = EventFilter.DefaultLimit;
}
