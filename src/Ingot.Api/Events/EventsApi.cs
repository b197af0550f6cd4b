using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Events;

namespace Ingot.Api.Events;

/// <summary>
/// <c>/MAAS/api/2.0/events/?op=query</c> (MAAS's <c>EventsHandler</c>): the events of the machines
/// the caller may view, filtered and paged by event id, newest first:
/// <c>{"count", "events", "next_uri", "prev_uri"}</c>.
/// </summary>
public static class EventsApi
{
    public static ApiResource Resource { get; } = new(
        "events/",
        new ApiHandler("EventsHandler", "Retrieve filtered node events.\n\nA specific Node's events is identified by specifying one or more ids, hostnames, or mac addresses as a list.")
            .Get("query", QueryAsync, $"""
                List node events.

                List node events, optionally filtered by various criteria via URL query parameters.

                :param hostname: An optional hostname. Only events relating to the node with the matching hostname will be returned. This can be specified multiple times to get events relating to more than one node.
                :type hostname: unicode
                :param mac_address: An optional list of MAC addresses. Only nodes with matching MAC addresses will be returned.
                :type mac_address: unicode
                :param id: An optional list of system ids. Only nodes with matching system ids will be returned.
                :type id: unicode
                :param zone: An optional name for a physical zone. Only nodes in the zone will be returned.
                :type zone: unicode
                :param agent_name: An optional agent name. Only nodes with matching agent names will be returned.
                :type agent_name: unicode
                :param level: Desired minimum log level of returned events. Returns this level of events and greater. Choose from: {string.Join(", ", EventFilter.LevelNames)}. The default is INFO.
                :type level: unicode
                :param limit: Optional number of events to return. Default {EventFilter.DefaultLimit}. Maximum: {EventFilter.MaxLimit}.
                :type limit: int
                :param before: Optional event id. Defines where to start returning older events.
                :type before: int
                :param after: Optional event id. Defines where to start returning newer events.
                :type after: int
                :param owner: If specified, filters the list to show only events owned by the specified username.
                :type owner: unicode
                """));

    private static async Task<ApiResult> QueryAsync(ApiRequest request, CancellationToken ct)
    {
        EventQuery filter = EventFilter.Parse(request.Query.GetAll, request.Caller);
        IReadOnlyList<LoggedEvent> events = await request.Service<IEventLog>().QueryAsync(filter, ct);
        (string next, string? prev) = EventPageUris.For(request.Query, filter, events);
        return ApiResult.Json(new JsonObject
        {
            ["count"] = events.Count,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)EventJson.Render(e))]),
            ["next_uri"] = next,
            ["prev_uri"] = prev,
        });
    }
}
