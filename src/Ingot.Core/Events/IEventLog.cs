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
}
