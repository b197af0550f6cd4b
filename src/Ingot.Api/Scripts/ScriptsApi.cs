using Ingot.Api.Wire;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Api.Scripts;

/// <summary>
/// <c>/MAAS/api/2.0/scripts/</c> (MAAS's <c>NodeScriptsHandler</c>): list, filtered by
/// <c>type</c>, <c>hardware_type</c> and <c>filters</c> (names or tags), with <c>include_script</c>;
/// create (admin only) from a <c>script</c> upload and its embedded metadata.
/// </summary>
public static class ScriptsApi
{
    public static ApiResource Resource { get; } = new(
        "scripts/",
        new ApiHandler("NodeScriptsHandler", "Manage custom scripts.\n\nThis functionality is only available to administrators.")
            .Read(ListAsync, """
                List stored scripts.

                :param type: Only return scripts with the given type: testing, commissioning or release.
                :type type: unicode
                :param hardware_type: Only return scripts for the given hardware type: node, cpu, memory, storage, network or gpu.
                :type hardware_type: unicode
                :param include_script: Include the base64-encoded script content.
                :type include_script: unicode
                :param filters: A comma-separated list of script names or tags.
                :type filters: unicode
                """)
            .Create(CreateAsync, """
                Create a new script.

                :param name: The name of the script (or the name of the single uploaded file).
                :param title: The title of the script.
                :param description: What the script does.
                :param tags: A comma-separated list of tags.
                :param type: commissioning, testing (default) or release.
                :param hardware_type: node, cpu, memory, storage, network or gpu.
                :param parallel: disabled, instance or any.
                :param timeout: How long the script may run; 0 is unlimited.
                :param destructive: Whether the script overwrites data on any drive.
                :param script: The script (a file upload).
                :param comment: A comment about this version.
                :param for_hardware: modalias:, pci:, usb:, system_vendor:... identifiers the script runs on.
                :param may_reboot: Whether the script may reboot the machine.
                :param recommission: Whether built-in commissioning scripts run again after this one.
                :param apply_configured_networking: Whether to apply the configured network before it runs.
                :param parameters: The script's parameters (JSON).
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters query = request.Query;
        IReadOnlyList<Script> scripts = await request.Service<ScriptOperations>().ListAsync(
            query.Get("type"), query.Get("hardware_type"), query.Get("filters"), ct);
        return ApiResult.Json(ScriptJson.RenderList(scripts, query.GetBool("include_script", fallback: false)));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        (Dictionary<string, string> data, string? script) = ScriptUpload.Read(request);
        Script created = await request.Service<ScriptOperations>().CreateAsync(request.Caller, data, script, ct);
        return ApiResult.Json(ScriptJson.Render(created));
    }
}
