using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Api.Scripts;

/// <summary>
/// The script choices of <c>commission</c> and <c>test</c> (<c>commissioning_scripts</c>,
/// <c>testing_scripts</c>: comma-separated names, tags or ids, <c>none</c> for none;
/// <c>skip_bmc_config</c>; script parameters as <c>&lt;script&gt;_&lt;param&gt;</c> or
/// <c>&lt;param&gt;</c>), made into the machine's script sets for the run the operation started.
/// </summary>
internal static class ScriptRunRequest
{
    public static async Task<Machine> CommissionAsync(ApiRequest request, Machine machine, CancellationToken ct)
    {
        ApiParameters form = request.Form;
        ScriptSelection selection = Selection(request);
        Dictionary<string, string> input = Input(form);
        Core.Users.Actor? skipBmc = form.GetBool("skip_bmc_config", fallback: false) ? request.Caller : null;
        await selection.CreateAsync(machine, ScriptSetKind.Commissioning, Split(form.Get("commissioning_scripts")), input, skipBmc, ct);
        await selection.CreateAsync(machine, ScriptSetKind.Testing, Split(form.Get("testing_scripts")), input, null, ct);
        return machine;
    }

    public static async Task<Machine> TestAsync(ApiRequest request, Machine machine, CancellationToken ct)
    {
        ApiParameters form = request.Form;
        await Selection(request).CreateAsync(machine, ScriptSetKind.Testing, Split(form.Get("testing_scripts")), Input(form), null, ct);
        return machine;
    }

    private static ScriptSelection Selection(ApiRequest request) =>
        new(request.Service<IScriptResultStore>(), request.Service<ScriptCatalog>(), request.Service<TimeProvider>());

    private static Dictionary<string, string> Input(ApiParameters form) =>
        form.Keys.ToDictionary(k => k, k => form.Get(k) ?? "", StringComparer.Ordinal);

    private static string[]? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : [.. list.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
}
