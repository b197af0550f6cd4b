using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Core.Events;

namespace Ingot.Api.Events;

/// <summary>
/// An event as MAAS's <c>event_to_dict</c> renders it: username ("unknown" when no user caused it),
/// node (system_id), hostname, id, level name, created (<c>%a, %d %b. %Y %H:%M:%S</c>, UTC), type
/// (the event type's description), description and action ("" : Ingot's events carry none).
/// </summary>
public static class EventJson
{
    public const string CreatedFormat = "ddd, dd MMM. yyyy HH:mm:ss";

    public static JsonObject Render(LoggedEvent logged)
    {
        MachineEvent e = logged.Event;
        return new JsonObject
        {
            ["username"] = e.Username ?? "unknown",
            ["node"] = logged.SystemId,
            ["hostname"] = logged.Hostname,
            ["id"] = e.Id,
            ["level"] = EventFilter.NameOf(e.Level),
            ["created"] = e.Created.ToString(CreatedFormat, CultureInfo.InvariantCulture),
            ["type"] = EventTypes.ByName.TryGetValue(e.Type, out EventType? type) ? type.Description : e.Type,
            ["description"] = e.Description,
            ["action"] = "",
        };
    }
}
