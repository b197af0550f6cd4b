using Ingot.Api.Wire;
using Ingot.Core.Scripts;

namespace Ingot.Api.Scripts;

/// <summary>
/// The script choices of <c>commission</c> and <c>test</c> (<c>commissioning_scripts</c>,
/// <c>testing_scripts</c>: comma-separated names, tags or ids, <c>none</c> for none; script parameters as
/// <c>&lt;script&gt;_&lt;param&gt;</c> or <c>&lt;param&gt;</c>, read from every field of the form), for Core's
/// <see cref="Core.Machines.Actions.MachineLifecycle"/> to make the run's script sets.
/// </summary>
internal static class ScriptRunRequest
{
    public static ScriptChoice Choice(ApiParameters form) => new(
        ScriptChoice.Split(form.Get("commissioning_scripts")),
        ScriptChoice.Split(form.Get("testing_scripts")),
        form.Keys.ToDictionary(k => k, k => form.Get(k) ?? "", StringComparer.Ordinal));
}
