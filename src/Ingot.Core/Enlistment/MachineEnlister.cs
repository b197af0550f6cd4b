using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;
using Ingot.Core.Users;

namespace Ingot.Core.Enlistment;

/// <summary>
/// Adding machines: <c>POST /machines/</c> by a logged-in user (<c>MachinesHandler.create</c>) and
/// anonymous enlistment by a booting machine (<c>AnonMachinesHandler.create</c>), with MAAS's
/// validation, BMC and MAC matching, commissioning of admin-added machines and <c>deployed=true</c>.
/// </summary>
public sealed class MachineEnlister(
    IMachineStore store,
    TimeProvider time,
    LifecycleSettings settings,
    SystemIdGenerator systemIds,
    HostnameGenerator hostnames)
{
    private const int MaxSystemIdAttempts = 1000;

    /// <summary>How many generated hostnames one enlistment tries when concurrent enlistments keep taking them first.</summary>
    public const int MaxHostnameAttempts = 16;

    /// <summary>The power types to check <c>power_type</c>/<c>power_parameters</c> against; none means unchecked.</summary>
    public PowerTypeCatalog? PowerTypes { get; init; }

    /// <summary>
    /// Where a machine added with <c>deployed=true</c> gets its pending deploy-info set at once (MAAS makes it in
    /// <c>_setup_deployed_machine</c>); without one, the set is made by the machine's first registration report.
    /// </summary>
    public IScriptResultStore? ScriptResults { get; init; }

    public MachineEnlister(IMachineStore store, TimeProvider time, LifecycleSettings settings)
        : this(store, time, settings, SystemIdGenerator.Shared, HostnameGenerator.Shared)
    {
    }

    /// <summary>
    /// A logged-in user adds a machine. An admin's machine starts commissioning unless
    /// <c>commission=false</c> or <c>deployed=true</c>; <c>deployed=true</c> (admin only, as only
    /// MAAS's admin form has the field) enters DEPLOYED without validation, owned by the admin, with a
    /// pending "deploy-info" commissioning script set and no power action. Anyone else gets a NEW machine.
    /// </summary>
    public async Task<Machine> AddAsync(MachineRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Checked form = await CheckAsync(request, architectureAlwaysRequired: false, ct);
        Machine machine = await InsertAsync(request, form, machine => Admit(machine, request, actor), ct);
        if (machine.Status == MachineStatus.Deployed && ScriptResults is not null)
        {
            await DeployInfoScripts.AddSetAsync(ScriptResults, machine, time.GetUtcNow().UtcDateTime, ct);
        }

        return machine;
    }

    /// <summary>What <see cref="AddAsync"/> does to the new machine before it is stored.</summary>
    private void Admit(Machine machine, MachineRequest request, Actor actor)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        bool commission = request.Commission ?? true;
        if (actor.IsAdmin && request.Deployed)
        {
            // AdminMachineForm._setup_deployed_machine: no commissioning, no power action; the
            // "deploy-info" script set waits for the running OS to report its hardware.
            machine.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, now, actor.Username);
            machine.SetOwner(actor.Username);
            machine.CommissioningResult = ScriptSetStatus.Pending;
        }
        else if (actor.IsAdmin && commission && !string.IsNullOrEmpty(machine.PowerType))
        {
            machine.StartCommissioning(actor, now, settings);
        }

        // An admin's machine without a power type stays NEW: MAAS's start_commissioning refuses
        // it (UnknownPowerType) and the create handler ignores the commission form's errors (LP:1600328).
    }

    /// <summary>
    /// Anonymous enlistment, in MAAS's lookup order: a NEW/COMMISSIONING machine with the same IPMI
    /// power address, then one with any of the given (well-formed) MACs, both updated in place
    /// (architecture, power type and parameters; hostname kept); otherwise a new machine, NEW, or
    /// COMMISSIONING and enlisting when <c>commission=true</c>.
    /// </summary>
    public async Task<EnlistmentResult> EnlistAsync(MachineRequest request, CancellationToken ct)
    {
        Machine? match = null;
        if (request.PowerType == "ipmi" && request.PowerParameters.Count > 0)
        {
            string address = request.PowerParameters.GetValueOrDefault("power_address", "");
            match = await store.FindEnlistingByPowerAddressAsync(address, ct);
        }

        string[] given = [.. request.MacAddresses.Where(m => !string.IsNullOrEmpty(m))];
        if (match is null && given.Length > 0)
        {
            var macs = new List<MacAddress>();
            foreach (string text in given)
            {
                if (!MacAddress.TryParse(text, out MacAddress mac))
                {
                    macs.Clear();
                    break;
                }

                macs.Add(mac);
            }

            if (macs.Count > 0)
            {
                match = await store.FindEnlistingByMacAsync(macs, ct);
            }
        }

        if (match is not null)
        {
            UpdateEnlisting(match, request);
            await store.SaveAsync(match, ct);
            return new EnlistmentResult(match, Created: false);
        }

        Checked form = await CheckAsync(request, architectureAlwaysRequired: true, ct);
        Machine machine = await InsertAsync(request, form, created => Enlist(created, request), ct);
        return new EnlistmentResult(machine, Created: true);
    }

    /// <summary>What anonymous enlistment does to the new machine before it is stored.</summary>
    private void Enlist(Machine machine, MachineRequest request)
    {
        if (request.Commission ?? false)
        {
            // MachineForm.save for anonymous commission=true (LP:1807991): the machine commissions as
            // soon as it boots and lands in NEW afterwards (NodeMetadata "enlisting"). MAAS arms no
            // expiry here: the enlisting machine waits for its results and does not time out.
            DateTime now = time.GetUtcNow().UtcDateTime;
            machine.TransitionTo(MachineStatus.Commissioning, now);
            machine.Enlisting = true;
            machine.CommissioningResult = ScriptSetStatus.Pending;
            machine.BeginScriptRun();
        }
    }

    /// <summary>
    /// Stores a new machine under its hostname. A name that was asked for and is taken (already, or by a
    /// concurrent writer between the check and the insert) is MAAS's form error; a generated name that a
    /// concurrent enlistment took first (<see cref="HostnameTakenException"/>) is picked again, up to
    /// <see cref="MaxHostnameAttempts"/> times, each time with a fresh machine.
    /// </summary>
    private async Task<Machine> InsertAsync(MachineRequest request, Checked form, Action<Machine> prepare, CancellationToken ct)
    {
        bool generated = HostnameGenerator.NeedsReplacing(request.Hostname);
        for (int attempt = 1; ; attempt++)
        {
            string hostname = generated
                ? await hostnames.PickUnusedAsync(names => store.TakenHostnamesAsync(names, ct), spread: attempt > 1)
                : request.Hostname!;
            Machine machine = Build(request, form, await NewSystemIdAsync(ct), hostname);
            prepare(machine);
            try
            {
                await store.AddAsync(machine, ct);
                return machine;
            }
            catch (HostnameTakenException) when (!generated)
            {
                throw HostnameTakenException.FormError();
            }
            catch (HostnameTakenException) when (attempt < MaxHostnameAttempts)
            {
                // Another enlistment stored the same generated name first: pick again.
            }
        }
    }

    /// <summary><c>_update_new_node</c>: the architecture, and the power settings when any were sent.</summary>
    private void UpdateEnlisting(Machine machine, MachineRequest request)
    {
        if (MachineForm.NormaliseArchitecture(request) is { } architecture)
        {
            machine.Architecture = architecture;
        }

        if (!string.IsNullOrEmpty(request.PowerType) || request.PowerParameters.Count > 0)
        {
            machine.PowerType = request.PowerType ?? "";
            machine.PowerParameters = CheckedPowerParameters(request);
        }

        machine.Updated = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>The request's checked architecture and MACs.</summary>
    private sealed record Checked(string? Architecture, IReadOnlyList<MacAddress> Macs);

    /// <summary>MAAS's form checks of a new machine, all field errors at once (400); a hostname asked for must be free.</summary>
    private async Task<Checked> CheckAsync(MachineRequest request, bool architectureAlwaysRequired, CancellationToken ct)
    {
        string? architecture = MachineForm.NormaliseArchitecture(request);
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        IReadOnlyList<MacAddress> macs = MachineForm.CheckFields(request, architecture, architectureAlwaysRequired, errors);
        if (!errors.ContainsKey("mac_addresses"))
        {
            var inUse = new List<string>();
            foreach (MacAddress mac in macs)
            {
                if (await store.FindByMacAsync(mac, ct) is { } owner)
                {
                    inUse.Add(MachineForm.MacInUse(mac, owner.Hostname));
                }
            }

            if (inUse.Count > 0)
            {
                errors["mac_addresses"] = MachineForm.MacErrors(inUse, macs.Count);
            }
        }

        // Node.hostname is unique=True: Django's validate_unique in the form (updating a machine to
        // its own name is no collision, see MachineEditor).
        if (!HostnameGenerator.NeedsReplacing(request.Hostname)
            && (await store.TakenHostnamesAsync([request.Hostname!], ct)).Count > 0)
        {
            errors["hostname"] = [HostnameTakenException.Text];
        }

        if (errors.Count > 0)
        {
            throw new MachineFormException(errors);
        }

        _ = CheckedPowerParameters(request);
        return new Checked(architecture, macs);
    }

    private Machine Build(MachineRequest request, Checked form, string systemId, string hostname)
    {
        (string? architecture, IReadOnlyList<MacAddress> macs) = form;
        DateTime now = time.GetUtcNow().UtcDateTime;
        Machine machine = Machine.Create(systemId, hostname, now);
        machine.Architecture = architecture ?? "";
        machine.MinHweKernel = request.MinHweKernel ?? "";
        machine.PowerType = request.PowerType ?? "";
        machine.PowerParameters = CheckedPowerParameters(request);
        machine.Domain = string.IsNullOrEmpty(request.Domain) ? machine.Domain : request.Domain;
        machine.Zone = string.IsNullOrEmpty(request.Zone) ? machine.Zone : request.Zone;
        machine.Pool = string.IsNullOrEmpty(request.Pool) ? machine.Pool : request.Pool;
        machine.Description = request.Description ?? "";

        // WithMACAddressesMixin.save: MACs given without an architecture, where neither is required,
        // are ignored so that the machine boots into enlistment and reports both.
        if (architecture is not null || MachineForm.RequiresMacsAndArchitecture(request))
        {
            for (int i = 0; i < macs.Count; i++)
            {
                machine.Interfaces.Add(new NetworkInterface { Name = $"eth{i}", MacAddress = macs[i] });
            }
        }

        return machine;
    }

    /// <summary>The request's power parameters, checked against <see cref="PowerTypes"/> (400 on a bad type or parameter).</summary>
    private Dictionary<string, string> CheckedPowerParameters(MachineRequest request)
    {
        if (PowerTypes is null)
        {
            return new Dictionary<string, string>(request.PowerParameters);
        }

        var errors = new FormErrors();
        Dictionary<string, string> checkedParameters = PowerParameterCheck.Check(
            PowerTypes, request.PowerType ?? "", request.PowerParameters, request.SkipPowerCheck, errors);
        errors.ThrowIfAny();
        return checkedParameters;
    }

    private async Task<string> NewSystemIdAsync(CancellationToken ct)
    {
        for (int attempt = 0; attempt < MaxSystemIdAttempts; attempt++)
        {
            string id = systemIds.Next();
            if (await store.FindAsync(id, ct) is null)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"No unused system_id found after {MaxSystemIdAttempts} attempts.");
    }

}
