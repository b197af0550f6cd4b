using Ingot.Core.Config;
using Ingot.Core.Events;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;
using Ingot.Core.Tags;

namespace Ingot.Core.Inventory;

/// <summary>
/// What the metadata API calls when a machine uploads commissioning output. <see cref="ApplyAsync"/>
/// takes the output of <c>50-maas-01-commissioning</c>: parses it (<see cref="InventoryParser"/>),
/// applies it to the machine (<see cref="Machine.ApplyInventory"/>), makes sure the <c>virtual</c> tag
/// exists when it is used, re-evaluates every defined tag on the machine, and saves — or, for a
/// malformed document, changes nothing but records MAAS's <c>SCRIPT_RESULT_ERROR</c> event and returns
/// the failure, so that the caller fails that script result with <see cref="InventoryParseResult.Message"/>.
/// <see cref="SaveDetailsAsync"/> takes the lshw or LLDP XML and re-evaluates the defined tags.
/// A machine changed meanwhile is loaded again (a few times at most).
/// </summary>
public sealed class CommissioningInventory(IMachineStore machines, ITagStore tags, IHardwareDetailsStore details, TagEvaluation evaluation, TimeProvider time, IConfigStore? config = null, INetworkStore? networks = null)
{
    private const int Attempts = 5;

    private static readonly NetworkModel s_noNetworks = new(0, [], [], [], [], [], []);

    /// <summary>Applies a <c>machine-resources</c> document to the machine; 404 for an unknown machine.</summary>
    public async Task<InventoryParseResult> ApplyAsync(string systemId, ReadOnlyMemory<byte> output, CancellationToken ct)
    {
        InventoryParseResult parsed = InventoryParser.Parse(output.Span);
        if (parsed.Succeeded && parsed.Inventory.System.IsVirtual)
        {
            await EnsureTagAsync(Machine.VirtualTag, ct);
        }

        await UpdateAsync(systemId, async (machine, now) =>
        {
            if (!parsed.Succeeded)
            {
                machine.Record(EventTypes.ScriptResultError, parsed.Message, now);
                return;
            }

            await ApplyInventoryAsync(machine, parsed.Inventory, now, ct);
            TagEvaluation.Apply(machine, await evaluation.DefinedTagsAsync(ct), await details.GetAsync(systemId, ct), now);
        }, ct);
        return parsed;
    }

    /// <summary>
    /// The signal's hook for <c>50-maas-01-commissioning</c>, on a machine the caller holds and saves
    /// in its own save: parses and applies the document, or records MAAS's <c>SCRIPT_RESULT_ERROR</c>
    /// event and changes nothing else when it is malformed (the caller fails the script result).
    /// </summary>
    public async Task<InventoryParseResult> ApplyToAsync(Machine machine, ReadOnlyMemory<byte> output, DateTime now, CancellationToken ct)
    {
        InventoryParseResult parsed = InventoryParser.Parse(output.Span);
        if (!parsed.Succeeded)
        {
            machine.Record(EventTypes.ScriptResultError, parsed.Message, now);
            return parsed;
        }

        if (parsed.Inventory.System.IsVirtual)
        {
            await EnsureTagAsync(Machine.VirtualTag, ct);
        }

        await ApplyInventoryAsync(machine, parsed.Inventory, now, ct);
        return parsed;
    }

    /// <summary>
    /// The inventory, then (interfaces reconciled) MAAS's initial networking on the subnets Ingot knows (none
    /// without a network store) and MAAS's default storage layout.
    /// </summary>
    private async Task ApplyInventoryAsync(Machine machine, MachineInventory inventory, DateTime now, CancellationToken ct)
    {
        if (machine.ApplyInventory(inventory, now))
        {
            machine.SetInitialNetworking(inventory, networks is null ? s_noNetworks : await networks.LoadAsync(ct));
        }

        await ApplyDefaultStorageAsync(machine, ct);
    }

    /// <summary>
    /// MAAS's default layout after commissioning (<c>set_default_storage_layout</c>), on a machine whose storage is
    /// not configured (commissioning cleared it unless <c>skip_storage</c>); none with <c>skip_storage</c>.
    /// </summary>
    private async Task ApplyDefaultStorageAsync(Machine machine, CancellationToken ct)
    {
        if (machine.SkipStorage)
        {
            return;
        }

        bool configured = machine.BlockDevices.Any(d => d.Partitions.Count > 0 || d.Filesystem is not null)
            || !machine.Storage.IsEmpty;
        if (!configured && machine.BlockDevices.Count > 0)
        {
            string? layout = config is null ? null : await config.GetAsync(ConfigSettings.DefaultStorageLayoutName, ct);
            DefaultStorage.Apply(machine, layout);
        }
    }

    /// <summary>Keeps lshw or LLDP XML without touching the machine (the signal re-evaluates tags in its own save).</summary>
    public async Task KeepDetailsAsync(string systemId, string name, byte[] xml, CancellationToken ct)
    {
        if (!await details.SaveAsync(systemId, name, xml, ct))
        {
            throw NotFound.Of("Machine");
        }
    }

    /// <summary>Every defined tag re-evaluated on a machine the caller holds and saves.</summary>
    public async Task EvaluateTagsOnAsync(Machine machine, DateTime now, CancellationToken ct) =>
        TagEvaluation.Apply(machine, await evaluation.DefinedTagsAsync(ct), await details.GetAsync(machine.SystemId, ct), now);

    /// <summary>
    /// Keeps the machine's <c>lshw</c> or <c>lldp</c> XML (<see cref="HardwareDetails.LshwName"/>,
    /// <see cref="HardwareDetails.LldpName"/>) as uploaded, then re-evaluates the defined tags on it;
    /// 404 for an unknown machine.
    /// </summary>
    public async Task SaveDetailsAsync(string systemId, string name, byte[] xml, CancellationToken ct)
    {
        if (!await details.SaveAsync(systemId, name, xml, ct))
        {
            throw NotFound.Of("Machine");
        }

        await EvaluateTagsAsync(systemId, ct);
    }

    /// <summary>MAAS's <c>populate_tags_for_single_node</c>: every defined tag on one machine.</summary>
    public Task EvaluateTagsAsync(string systemId, CancellationToken ct) =>
        UpdateAsync(systemId, async (machine, now) =>
            TagEvaluation.Apply(machine, await evaluation.DefinedTagsAsync(ct), await details.GetAsync(systemId, ct), now), ct);

    private async Task UpdateAsync(string systemId, Func<Machine, DateTime, Task> change, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            Machine machine = await machines.FindAsync(systemId, ct) ?? throw NotFound.Of("Machine");
            await change(machine, time.GetUtcNow().UtcDateTime);
            try
            {
                await machines.SaveAsync(machine, ct);
                return;
            }
            catch (MachineConflictException) when (attempt < Attempts)
            {
                // The machine changed since it was loaded; nothing was written. Apply to it again.
            }
        }
    }

    private async Task EnsureTagAsync(string name, CancellationToken ct)
    {
        if (await tags.ExistsAsync(name, ct))
        {
            return;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        try
        {
            await tags.AddAsync(new Tag { Name = name, Created = now, Updated = now }, ct);
        }
        catch (Enlistment.MachineFormException)
        {
            // Created by someone else meanwhile: it exists, which is all that is needed.
        }
    }
}
