using System.Globalization;
using System.Text.RegularExpressions;
using Ingot.Core.Enlistment;
using Ingot.Core.Forms;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Placement;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Editing;

/// <summary>
/// Admin edits of machines outside the life-cycle: <c>PUT /machines/{system_id}/</c> and
/// <c>POST /machines/ op=set_zone</c>. Names of zones, pools and domains must exist
/// (<see cref="MachinePlacement"/>); every refusal is MAAS's field error (400) and changes nothing.
/// </summary>
public sealed partial class MachineEditor(IMachineStore store, MachinePlacement placement, TimeProvider time)
{
    /// <summary>The power types to check <c>power_type</c>/<c>power_parameters</c> against; none means unchecked.</summary>
    public PowerTypeCatalog? PowerTypes { get; init; }

    /// <summary>
    /// Applies <paramref name="edit"/>: admin permission (403, including on a locked machine; 404 when
    /// unknown); hostname labels as MAAS's <c>validate_hostname</c> and not another machine's name
    /// (<c>unique=True</c>: "Node with this Hostname already exists."); architecture and min_hwe_kernel as
    /// on create; cpu_count and memory whole numbers of at least 0; power_type and power_parameters
    /// against <see cref="PowerTypes"/> (a new power type replaces the parameters, the same one merges them).
    /// </summary>
    public async Task<Machine> UpdateAsync(string systemId, Actor actor, MachineEdit edit, CancellationToken ct)
    {
        Machine machine = await store.FindAsync(systemId, ct) ?? throw MachineOperationException.NotFound();
        MachinePermissions.Demand(actor, machine, NodePermission.Admin);

        var errors = new FormErrors();
        if (Given(edit.Hostname) is { } hostname && HostnameError(hostname) is { } hostnameError)
        {
            errors.Add("hostname", hostnameError);
        }
        else if (Given(edit.Hostname) is { } renamed && renamed != machine.Hostname
            && (await store.TakenHostnamesAsync([renamed], ct)).Count > 0)
        {
            // Node.hostname is unique=True (Django's validate_unique); the machine's own name is no collision.
            errors.Add("hostname", HostnameTakenException.Text);
        }

        int? cpuCount = WholeNumber(errors, "cpu_count", edit.CpuCount);
        int? memory = WholeNumber(errors, "memory", edit.Memory);
        string powerType = edit.PowerType ?? machine.PowerType;
        Dictionary<string, string> powerParameters = powerType == machine.PowerType
            ? new Dictionary<string, string>(machine.PowerParameters, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in edit.PowerParameters)
        {
            powerParameters[name] = value;
        }

        if (PowerTypes is not null && (edit.PowerType is not null || edit.PowerParameters.Count > 0))
        {
            powerParameters = PowerParameterCheck.Check(PowerTypes, powerType, powerParameters, edit.SkipPowerCheck, errors);
        }

        errors.ThrowIfAny();
        string? architecture = MachineForm.NormaliseArchitecture(new MachineRequest
        {
            Architecture = Given(edit.Architecture),
            MinHweKernel = Given(edit.MinHweKernel),
        });
        await placement.CheckAsync(Given(edit.Zone), Given(edit.Pool), Given(edit.Domain), ct);

        DateTime now = time.GetUtcNow().UtcDateTime;
        machine.Hostname = Given(edit.Hostname) ?? machine.Hostname;
        machine.Description = edit.Description ?? machine.Description;
        machine.Domain = Given(edit.Domain) ?? machine.Domain;
        machine.Architecture = architecture ?? machine.Architecture;
        machine.MinHweKernel = edit.MinHweKernel ?? machine.MinHweKernel;
        machine.PowerType = powerType;
        machine.PowerParameters = powerParameters;

        machine.CpuCount = cpuCount ?? machine.CpuCount;
        machine.Memory = memory ?? machine.Memory;
        if (Given(edit.Zone) is { } zone)
        {
            machine.SetZone(zone, now);
        }

        if (Given(edit.Pool) is { } pool)
        {
            machine.SetPool(pool, now);
        }

        machine.Updated = now;
        try
        {
            await store.SaveAsync(machine, ct);
        }
        catch (HostnameTakenException)
        {
            // Another writer took the name between the check and the save; nothing was written.
            throw HostnameTakenException.FormError();
        }

        return machine;
    }

    /// <summary>
    /// <c>op=set_zone</c>: admin only (403); <paramref name="zone"/> is required and must exist (400);
    /// the machines named that the actor may administer move to it, in one transaction; unknown ids
    /// and machines it may not administer are left alone, as MAAS's bulk form does.
    /// </summary>
    public async Task SetZoneAsync(Actor actor, string? zone, IReadOnlyCollection<string> systemIds, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        if (Given(zone) is not { } name)
        {
            throw FormErrors.OnField("zone", FormErrors.Required);
        }

        await placement.CheckAsync(name, null, null, ct);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var moved = new List<Machine>();
        foreach (string systemId in systemIds.Distinct(StringComparer.Ordinal))
        {
            if (await store.FindAsync(systemId, ct) is { } machine && MachinePermissions.Has(actor, machine, NodePermission.Admin))
            {
                machine.SetZone(name, now);
                moved.Add(machine);
            }
        }

        await store.SaveAllAsync(moved, ct);
    }

    /// <summary>MAAS's <c>validate_hostname</c> on the host part: labels of 1-63 letters, digits and inner hyphens.</summary>
    private static string? HostnameError(string hostname)
    {
        if (hostname.Length > 255)
        {
            return "Hostname is too long. Maximum allowed is 255 characters.";
        }

        foreach (string label in hostname.Split('.'))
        {
            if (label.Length is < 1 or > 63)
            {
                return $"Label is too long or too short: '{label}'";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"Label cannot start or end with hyphen: '{label}'";
            }

            if (!LabelCharacters().IsMatch(label))
            {
                return $"Label contains disallowed characters: '{label}'";
            }
        }

        return null;
    }

    private static int? WholeNumber(FormErrors errors, string field, string? text)
    {
        if (Given(text) is not { } value)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            errors.Add(field, FormErrors.NotWholeNumber);
            return null;
        }

        if (number < 0)
        {
            errors.Add(field, FormErrors.TooSmall(0));
            return null;
        }

        return number;
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[a-zA-Z0-9-]+$")]
    private static partial Regex LabelCharacters();
}
