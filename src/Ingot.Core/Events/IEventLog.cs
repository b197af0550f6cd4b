namespace Ingot.Core.Events;

/// <summary>
/// The event log as <c>events/?op=query</c> reads it: the events of the machines that still exist,
/// filtered and paged by event id (MAAS's <c>EventsHandler.query</c>).
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// At most <see cref="EventQuery.Limit"/> events matching <paramref name="query"/>, newest first:
    /// the newest ones, or the newest before <see cref="EventQuery.Before"/>, or the oldest after
    /// <see cref="EventQuery.After"/> (still returned newest first).
    /// </summary>
    Task<IReadOnlyList<LoggedEvent>> QueryAsync(EventQuery query, CancellationToken ct);

    /// <summary>
    /// Each machine's newest event of <paramref name="minimum"/> level or above, by system_id (what
    /// the machine JSON's <c>status_message</c> shows), for the given machines or, when
    /// <paramref name="systemIds"/> is null, for every machine: one query, not one per machine.
    /// </summary>
    Task<IReadOnlyDictionary<string, MachineEvent>> LatestAsync(IReadOnlyCollection<string>? systemIds, EventLevel minimum, CancellationToken ct);
}
