using Ingot.Core.Boot;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;

namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's <c>NODE_INFO_SCRIPTS</c> hooks, run when a commissioning result is stored as passed: the
/// machine-resources document becomes the machine's hardware (a malformed one fails its result and
/// records <c>SCRIPT_RESULT_ERROR</c>), the modalias list becomes the machine's modaliases
/// (for <c>for_hardware</c>), lshw and LLDP XML are kept for tags and the <c>details</c> op,
/// <c>BOOTIF</c> in the kernel command line records the boot interface (MAAS's <c>update_boot_interface</c>; taken
/// before the resources document of the same upload, so that the initial networking links the interface the machine
/// booted from), and then every defined tag is evaluated on the machine again.
/// </summary>
public static class CommissioningHooks
{
    /// <summary>The script whose stdout is the LXD-resources document (MAAS's <c>COMMISSIONING_OUTPUT_NAME</c>).</summary>
    public const string ResourcesScript = "50-maas-01-commissioning";

    /// <summary>Scripts whose stdout is lshw XML: Ingot's built-in one and MAAS's.</summary>
    public static IReadOnlySet<string> LshwScripts { get; } = new HashSet<string>(StringComparer.Ordinal) { "maas-lshw", "00-maas-01-lshw" };

    /// <summary>Scripts whose stdout is the LLDP XML (MAAS's capture script).</summary>
    public static IReadOnlySet<string> LldpScripts { get; } = new HashSet<string>(StringComparer.Ordinal) { "maas-capture-lldpd", "maas-capture-lldp", "99-maas-02-capture-lldp" };

    /// <summary>Scripts whose stdout lists the machine's modaliases, one a line (Ingot's and MAAS's older name).</summary>
    public static IReadOnlySet<string> ModaliasScripts { get; } = new HashSet<string>(StringComparer.Ordinal) { "maas-list-modaliases", "00-maas-04-list-modaliases" };

    /// <summary>The script whose stdout is the ephemeral kernel's command line (MAAS's <c>KERNEL_CMDLINE_OUTPUT_NAME</c>).</summary>
    public const string KernelCmdlineScript = "maas-kernel-cmdline";

    public static async Task RunAsync(CommissioningInventory inventory, Machine machine, ScriptSet set, SignalRequest request, DateTime now, CancellationToken ct)
    {
        bool changed = false;
        foreach (ScriptUpload upload in (request.Uploads ?? []).OrderBy(u => u.ScriptName == KernelCmdlineScript ? 0 : 1))
        {
            ScriptResult? result = request.ScriptResultId is { } id
                ? set.Results.FirstOrDefault(r => r.Id == id)
                : set.Results.LastOrDefault(r => r.Name == upload.ScriptName);
            if (result is not { Status: ScriptStatus.Passed })
            {
                continue;
            }

            byte[] output = upload.Stdout ?? upload.Output ?? [];
            if (result.Name == KernelCmdlineScript)
            {
                // MAAS logs a BOOTIF naming no interface of the machine and keeps the old one; no BOOTIF is no change.
                if (BootIf.Parse(System.Text.Encoding.UTF8.GetString(output)) is { } mac)
                {
                    machine.RecordBootInterface(mac);
                }

                continue;
            }
            else if (result.Name == ResourcesScript)
            {
                InventoryParseResult parsed = await inventory.ApplyToAsync(machine, output, now, ct);
                if (!parsed.Succeeded)
                {
                    result.Status = ScriptStatus.Failed;
                    result.Updated = now;
                    continue;
                }
            }
            else if (LshwScripts.Contains(result.Name))
            {
                await inventory.KeepDetailsAsync(machine.SystemId, HardwareDetails.LshwName, output, ct);
            }
            else if (LldpScripts.Contains(result.Name))
            {
                if (output.AsSpan().Trim(" \n\r\t"u8).IsEmpty)
                {
                    // No lldpd where the script ran: nothing captured, the kept details stay.
                    continue;
                }

                await inventory.KeepDetailsAsync(machine.SystemId, HardwareDetails.LldpName, output, ct);
            }
            else if (ModaliasScripts.Contains(result.Name))
            {
                machine.ApplyModaliases(System.Text.Encoding.UTF8.GetString(output), now);
                continue;
            }
            else
            {
                continue;
            }

            changed = true;
        }

        if (changed)
        {
            await inventory.EvaluateTagsOnAsync(machine, now, ct);
        }
    }
}
