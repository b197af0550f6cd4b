using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Actions;

/// <summary>
/// <c>maas-transitions.json</c>, read at test time from <c>../shared/reference</c> beside the
/// repository root (the directory holding Ingot.slnx), so that the C# tables cannot drift from it.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<JsonDocument> s_document = new(Load);

    public static JsonElement Root => s_document.Value.RootElement;

    public static JsonElement Actions => Root.GetProperty("actions");

    public static JsonElement ApiOps => Root.GetProperty("api_ops");

    public static MachineStatus Status(string constantName) =>
        MachineStatuses.TryParseConstantName(constantName, out MachineStatus s)
            ? s
            : throw new InvalidOperationException($"Unknown status {constantName} in maas-transitions.json.");

    public static MachineStatus[] Statuses(JsonElement array) => [.. array.EnumerateArray().Select(e => Status(e.GetString()!))];

    public static IReadOnlySet<MachineStatus> Transitions(MachineStatus from) =>
        Root.GetProperty("transitions").TryGetProperty(from.ConstantName(), out JsonElement row)
            ? Statuses(row).ToHashSet()
            : new HashSet<MachineStatus>();

    /// <summary>MAAS's <c>_validate_status_transition</c> over the JSON table.</summary>
    public static bool Allowed(MachineStatus from, MachineStatus to) => from == to || Transitions(from).Contains(to);

    public static IReadOnlySet<MachineStatus> Set(string name) => Statuses(Root.GetProperty(name)).ToHashSet();

    /// <summary>The statuses a UI action lists (its <c>actionable_statuses</c>).</summary>
    public static IReadOnlySet<MachineStatus> ActionFrom(string action) =>
        Statuses(Actions.GetProperty(action).GetProperty("from")).ToHashSet();

    private static JsonDocument Load()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingot.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("Ingot.slnx not found above " + AppContext.BaseDirectory);
        }

        string path = Path.Combine(dir.Parent.FullName, "shared", "reference", "maas-transitions.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    }
}
