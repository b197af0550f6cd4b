using System.Globalization;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Events;

/// <summary>
/// MAAS's <c>EventsHandler.query</c> parameters read into an <see cref="EventQuery"/>, with MAAS's
/// refusals (400): <c>level</c> is a minimum (default INFO) except AUDIT, which means audit events
/// only; <c>limit</c> defaults to 100, at most 1000, at least 1; <c>before</c> and <c>after</c>
/// are event ids and cannot both be given. Non-admins see only the machines they may view.
/// </summary>
public static class EventFilter
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    /// <summary>MAAS's <c>LOGGING_LEVELS_BY_NAME</c>, with Python's CRITICAL (which Ingot never records).</summary>
    public static IReadOnlyList<string> LevelNames { get; } = ["AUDIT", "CRITICAL", "DEBUG", "ERROR", "INFO", "WARNING"];

    /// <summary>Reads the query; <paramref name="values"/> gives every value of a parameter (none when absent).</summary>
    public static EventQuery Parse(Func<string, IReadOnlyList<string>> values, Actor actor)
    {
        long? after = Integer(values, "after");
        long? before = Integer(values, "before");
        long limit = Integer(values, "limit") ?? DefaultLimit;
        if (limit > MaxLimit)
        {
            throw MachineOperationException.Validation($"Requested number of events {limit} is greater than limit: {MaxLimit}");
        }

        if (after is not null && before is not null)
        {
            throw MachineOperationException.Validation("There is undetermined behaviour when both `after` and `before` are specified.");
        }

        return new EventQuery
        {
            SystemIds = values("id"),
            Hostnames = [.. values("hostname").Select(h => h.Split('.', 2)[0])],
            MacAddresses = Macs(values("mac_address")),
            Zones = values("zone"),
            AgentNames = values("agent_name"),
            Levels = Levels(Last(values, "level") ?? "INFO"),
            Username = Last(values, "owner"),
            VisibleTo = actor.IsAdmin || actor.IsSystem ? null : actor.Username,
            Before = before,
            After = after,
            Limit = (int)Math.Max(limit, 1),
        };
    }

    /// <summary>The name MAAS shows for a level (<c>level_str</c>).</summary>
    public static string NameOf(EventLevel level) => level.ToString().ToUpperInvariant();

    private static IReadOnlyList<EventLevel> Levels(string name) => name switch
    {
        "AUDIT" => [EventLevel.Audit],
        "CRITICAL" => [],
        "DEBUG" or "INFO" or "WARNING" or "ERROR" => [.. Enum.GetValues<EventLevel>()
            .Where(l => l != EventLevel.Audit && l >= Enum.Parse<EventLevel>(name, ignoreCase: true))],
        _ => throw MachineOperationException.Validation($"Unrecognised log level: {name}"),
    };

    private static List<MacAddress> Macs(IReadOnlyList<string> texts)
    {
        var invalid = texts.Where(t => !MacAddress.TryParse(t, out _)).ToList();
        if (invalid.Count > 0)
        {
            throw MachineOperationException.Validation($"Invalid MAC address(es): {string.Join(", ", invalid)}");
        }

        return [.. texts.Select(MacAddress.Parse)];
    }

    /// <summary>formencode's <c>Int</c> as MAAS's <c>get_optional_param</c> reports it.</summary>
    private static long? Integer(Func<string, IReadOnlyList<string>> values, string name)
    {
        string? text = Last(values, name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw MachineOperationException.Validation($"Invalid {name}: Please enter an integer value");
    }

    private static string? Last(Func<string, IReadOnlyList<string>> values, string name) =>
        values(name) is { Count: > 0 } list ? list[^1] : null;
}
