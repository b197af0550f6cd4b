using Ingot.Core.Events;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;

namespace Ingot.Core.Registration;

/// <summary>
/// Adding a live machine's hardware (MAAS's deploy-info / hardware sync for machines added with
/// <c>deployed=true</c>): the running system's report, sent by <see cref="RegistrationScript"/> with a
/// one-use token (<see cref="RegistrationTokens"/>), becomes the machine's hardware through the
/// commissioning inventory; the status and the owner are untouched. Later reports (with new tokens)
/// replace the hardware, as MAAS's hardware sync does.
/// </summary>
public sealed class MachineRegistration(IMachineStore machines, IMachineTokenStore tokens, CommissioningInventory inventory, TimeProvider time)
{
    public const string Registered = "Hardware reported by the running system";

    /// <summary>The machine a token may register, or null when it is unknown, used, or not deployed.</summary>
    public async Task<Machine?> FindAsync(string tokenValue, CancellationToken ct)
    {
        if (RegistrationTokens.SystemIdOf(tokenValue) is not { } systemId
            || await machines.FindAsync(systemId, ct) is not { Status: MachineStatus.Deployed } machine
            || await tokens.FindForMachineAsync(systemId, ct) is not { } token)
        {
            return null;
        }

        return RegistrationTokens.Verify(machine, token, tokenValue) ? machine : null;
    }

    /// <summary>Applies a report; the token is used up. Null on success, else why nothing changed.</summary>
    public async Task<string?> ReportAsync(Machine machine, string report, CancellationToken ct)
    {
        if (LiveHostReport.ToMachineResources(report, out string? error) is not { } document)
        {
            return error;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        InventoryParseResult parsed = await inventory.ApplyToAsync(machine, document, now, ct);
        if (!parsed.Succeeded)
        {
            return parsed.Message;
        }

        machine.BeginScriptRun();
        machine.Record(EventTypes.NodeStatusEvent, Registered, now);
        await machines.SaveAsync(machine, ct);
        return null;
    }
}
