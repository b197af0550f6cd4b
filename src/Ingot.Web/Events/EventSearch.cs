using System.Globalization;
using Ingot.Core.Events;
using Ingot.Core.Users;

namespace Ingot.Web.Events;

/// <summary>
/// The events page's filters, as they stand in its address (<c>?q=&amp;machine=&amp;zone=&amp;owner=&amp;level=&amp;type=</c>)
/// and as the page's form edits them. <see cref="Query"/> reads them with the API's own
/// <see cref="EventFilter.Parse"/> (zone, owner and level as <c>events/?op=query</c> takes them) and adds the free
/// text as <see cref="EventQuery.Words"/> and the type as <see cref="EventQuery.Types"/>, so every filter runs in the database.
/// </summary>
public sealed class EventSearch
{
    public const string DefaultLevel = "INFO";

    public string Text { get; set; } = "";

    public string Machine { get; set; } = "";

    public string Zone { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Level { get; set; } = DefaultLevel;

    /// <summary>An event type name (<c>NODE_CHANGED_STATUS</c>), empty for every type.</summary>
    public string Type { get; set; } = "";

    public EventSearch Copy() => (EventSearch)MemberwiseClone();

    /// <summary>The address parameters; an empty filter (and the default level) is left out.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["q"] = Blank(Text),
        ["machine"] = Blank(Machine),
        ["zone"] = Blank(Zone),
        ["owner"] = Blank(Owner),
        ["level"] = Level == DefaultLevel ? null : Blank(Level),
        ["type"] = Blank(Type),
    };

    /// <summary>
    /// The query for one page: a machine is a system_id when it names a visible machine, else a hostname; 400s as
    /// the API words them (e.g. "Unrecognised log level: X").
    /// </summary>
    public EventQuery Query(Actor actor, IReadOnlySet<string> visibleSystemIds, int limit, long? before)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["level"] = [Level.Trim().Length > 0 ? Level.Trim() : DefaultLevel],
            ["limit"] = [limit.ToString(CultureInfo.InvariantCulture)],
        };
        string machine = Machine.Trim();
        if (machine.Length > 0)
        {
            values[visibleSystemIds.Contains(machine) ? "id" : "hostname"] = [machine];
        }

        if (Zone.Trim() is { Length: > 0 } zone)
        {
            values["zone"] = [zone];
        }

        if (Owner.Trim() is { Length: > 0 } owner)
        {
            values["owner"] = [owner];
        }

        if (before is long id)
        {
            values["before"] = [id.ToString(CultureInfo.InvariantCulture)];
        }

        EventQuery query = EventFilter.Parse(name => values.GetValueOrDefault(name, []), actor);
        return query with
        {
            Words = [.. Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Types = Blank(Type) is { } type ? [type] : [],
        };
    }

    private static string? Blank(string value) => value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
