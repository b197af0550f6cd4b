using System.Globalization;
using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Events;

namespace Ingot.Api.Events;

/// <summary>
/// MAAS's <c>next_uri</c> (newer events) and <c>prev_uri</c> (older events) for a page of
/// <c>events/?op=query</c>: the request's own filters (MAAS's <c>all_params</c>, in arrival order)
/// without before/after, plus <c>after</c> = the newest id shown or <c>before</c> = the oldest.
/// With no events, next keeps polling from the same place and prev is null unless <c>after</c> was given.
/// </summary>
internal static class EventPageUris
{
    private static readonly string[] s_kept = ["agent_name", "domain", "hostname", "id", "level", "limit", "mac_address", "op", "zone", "owner"];

    public static (string Next, string? Prev) For(ApiParameters query, EventQuery filter, IReadOnlyList<LoggedEvent> events)
    {
        List<KeyValuePair<string, string>> kept = [.. query.Keys
            .Where(k => s_kept.Contains(k))
            .SelectMany(k => query.GetAll(k).Select(v => KeyValuePair.Create(k, v)))];

        string next = events.Count > 0 ? Uri(kept, "after", events[0].Event.Id)
            : filter.Before is { } before ? Uri(kept, "after", before - 1)
            : Uri(kept, null, 0);
        string? prev = events.Count > 0 ? Uri(kept, "before", events[^1].Event.Id)
            : filter.After is { } after ? Uri(kept, "before", after + 1)
            : null;
        return (next, prev);
    }

    private static string Uri(List<KeyValuePair<string, string>> kept, string? name, long id)
    {
        var query = new StringBuilder();
        foreach ((string key, string value) in kept)
        {
            Append(query, key, value);
        }

        if (name is not null)
        {
            Append(query, name, id.ToString(CultureInfo.InvariantCulture));
        }

        return ApiPaths.Prefix + "events/?" + query;
    }

    /// <summary>Python's <c>urlencode</c> (<c>quote_plus</c>): RFC 3986 unreserved characters kept, spaces as <c>+</c>.</summary>
    private static void Append(StringBuilder query, string key, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(QuotePlus(key)).Append('=').Append(QuotePlus(value));
    }

    private static string QuotePlus(string text) => System.Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);
}
