using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// A script Ingot ships, named as MAAS names the built-in script that does the same job, with the
/// fields of MAAS's script metadata header that <c>maas-scripts</c>' <c>index.json</c> carries.
/// </summary>
/// <param name="Id">MAAS's <c>script_id</c> (and, as built-ins have one version, <c>script_version_id</c>).</param>
/// <param name="Name">MAAS's name, e.g. <c>50-maas-01-commissioning</c>.</param>
/// <param name="Kind">Commissioning or testing.</param>
/// <param name="Description">MAAS's <c>description</c>.</param>
/// <param name="TimeoutSeconds">0 is no timeout.</param>
/// <param name="Parallel">MAAS's <c>parallel</c>: 0 disabled, 1 instance, 2 any.</param>
/// <param name="HardwareType">MAAS's <c>hardware_type</c>: 0 node, 1 cpu, 2 memory, 3 storage, 4 network.</param>
/// <param name="Tags">MAAS's tags (<c>commissioning</c> marks a default testing script).</param>
/// <param name="Body">The script itself (a shell script).</param>
/// <param name="Parameters">MAAS's <c>parameters</c> (a JSON object), e.g. a <c>runtime</c>.</param>
public sealed record BuiltInScript(
    int Id,
    string Name,
    ScriptSetKind Kind,
    string Description,
    int TimeoutSeconds,
    int Parallel,
    int HardwareType,
    IReadOnlyList<string> Tags,
    string Body,
    string Parameters = "{}")
{
    /// <summary>Whether MAAS runs it by default (testing scripts tagged <c>commissioning</c>).</summary>
    public bool IsDefault => Kind == ScriptSetKind.Commissioning || Tags.Contains("commissioning");
}
