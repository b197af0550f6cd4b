using System.Text.Json.Nodes;
using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>nodes/{system_id}/results/</c> and <c>nodes/{system_id}/results/{id}/</c> (MAAS's
/// <c>NodeScriptResultsHandler</c>, <c>NodeScriptResultHandler</c>; read only here): a machine's script
/// sets, newest first, filterable by <c>type</c> (commissioning, testing, installation or 0/2/1);
/// <c>include_output</c> adds the output base64-encoded. The item id may be
/// <c>current-commissioning</c>, <c>current-testing</c> or <c>current-installation</c>.
/// </summary>
public static class NodeScriptResultsApi
{
    public static ApiResource Collection { get; } = new(
        "nodes/{system_id}/results/",
        new ApiHandler("NodeScriptResultsHandler", "Manage node script results.")
            .Read(ListAsync, "Return script results grouped by run.\n\n:param type: commissioning, testing or installation.\n:param include_output: Include the base64 encoded output.\n:param filters: Comma-separated script names to include."));

    public static ApiResource Item { get; } = new(
        "nodes/{system_id}/results/{id}/",
        new ApiHandler("NodeScriptResultHandler", "Manage node script results.")
            .Read(ReadAsync, "View a set of test results.\n\n:param include_output: Include the base64 encoded output.\n:param filters: Comma-separated script names to include."));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await VisibleAsync(request, ct);
        ScriptSetKind? kind = request.Query.Get("type") is { Length: > 0 } type ? ParseType(type) : null;
        IReadOnlyList<ScriptSet> sets = await request.Service<IScriptResultStore>().SetsAsync(machine.SystemId, ct);
        bool output = IncludeOutput(request);
        return ApiResult.Json(new JsonArray([.. sets.Where(s => kind is null || s.Kind == kind).Select(s => (JsonNode)ScriptResultJson.Set(Filter(request, s), output))]));
    }

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await VisibleAsync(request, ct);
        var store = request.Service<IScriptResultStore>();
        string id = request.Route("id");
        ScriptSet? set = id switch
        {
            "current-commissioning" => await Current(request, machine, ScriptSetKind.Commissioning, ct),
            "current-testing" => await Current(request, machine, ScriptSetKind.Testing, ct),
            "current-installation" => await Current(request, machine, ScriptSetKind.Installation, ct),
            _ when long.TryParse(id, out long setId) => await store.FindSetByIdAsync(setId, ct),
            _ => null,
        };
        if (set is null || set.SystemId != machine.SystemId)
        {
            throw ApiException.NotFound("ScriptSet");
        }

        return ApiResult.Json(ScriptResultJson.Set(Filter(request, set), IncludeOutput(request)));
    }

    private static Task<ScriptSet?> Current(ApiRequest request, Machine machine, ScriptSetKind kind, CancellationToken ct) =>
        new ScriptSets(request.Service<IScriptResultStore>(), request.Service<TimeProvider>()).FindCurrentAsync(machine, kind, ct);

    private static async Task<Machine> VisibleAsync(ApiRequest request, CancellationToken ct) =>
        await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct) ?? throw ApiException.NotFound("Node");

    private static bool IncludeOutput(ApiRequest request) =>
        request.Query.Get("include_output") is { } value && value is not ("" or "0" or "false" or "False");

    private static ScriptSet Filter(ApiRequest request, ScriptSet set)
    {
        if (request.Query.Get("filters") is not { Length: > 0 } filters)
        {
            return set;
        }

        var names = filters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return new ScriptSet
        {
            Id = set.Id,
            SystemId = set.SystemId,
            Kind = set.Kind,
            Run = set.Run,
            Created = set.Created,
            LastPing = set.LastPing,
            Results = [.. set.Results.Where(r => names.Contains(r.Name))],
        };
    }

    private static ScriptSetKind ParseType(string type) => type.ToLowerInvariant() switch
    {
        "commissioning" or "0" => ScriptSetKind.Commissioning,
        "installation" or "1" => ScriptSetKind.Installation,
        "testing" or "2" => ScriptSetKind.Testing,
        "release" or "3" => ScriptSetKind.Release,
        _ => throw ApiException.BadRequest($"Unknown type: '{type}'"),
    };
}
