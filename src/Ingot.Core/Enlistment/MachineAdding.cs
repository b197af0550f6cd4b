using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Placement;
using Ingot.Core.Power;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;

namespace Ingot.Core.Enlistment;

/// <summary>
/// A user adding machines, in one piece for the REST API (<c>POST machines/</c>, <c>add_chassis</c>) and the web
/// UI's add pages, so that they cannot drift: the zone/pool/domain check, <see cref="MachineEnlister"/> (with the
/// registered power types and the stored life-cycle settings), and every added machine that asked for power
/// handed to the power layer (<see cref="IPowerRequests"/>, present in <c>ingot serve</c>) at once, instead of
/// waiting for the recovery pass.
/// </summary>
public sealed class MachineAdding(MachineEnlister enlister, MachinePlacement placement, ChassisEnlistment chassis, IPowerRequests? power)
{
    /// <summary>The enlister this adds through (anonymous enlistment uses it too; it submits no power).</summary>
    public MachineEnlister Enlister => enlister;

    /// <summary>The pieces the host registered, with the life-cycle settings read from the stored config now (<c>node_timeout</c> may change while Ingot runs).</summary>
    public static async Task<MachineAdding> ComposeAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        IMachineStore machines = Required<IMachineStore>(services);
        LifecycleSettings settings = await LifecycleSettingsLoader.LoadAsync(Required<IConfigStore>(services), ct);
        var enlister = new MachineEnlister(machines, Get<TimeProvider>(services) ?? TimeProvider.System, settings)
        {
            PowerTypes = Get<PowerTypeCatalog>(services),
            ScriptResults = Get<Scripts.IScriptResultStore>(services),
        };
        var placement = new MachinePlacement(
            Required<IZoneStore>(services), Required<IResourcePoolStore>(services), Required<IDomainStore>(services), Required<ITagStore>(services));
        var chassis = new ChassisEnlistment(machines, Required<IDomainStore>(services), Get<IEnumerable<IChassisProber>>(services) ?? []);
        return new MachineAdding(enlister, placement, chassis, Get<IPowerRequests>(services));
    }

    /// <summary>
    /// One machine (<see cref="MachineEnlister.AddAsync"/>) after its zone, pool and domain are checked; its power
    /// request, if it made one (an admin's machine that starts commissioning), is submitted. A refusal adds nothing.
    /// </summary>
    public async Task<Machine> AddAsync(MachineRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await placement.CheckAsync(request.Zone, request.Pool, request.Domain, ct);
        Machine machine = await enlister.AddAsync(request, actor, ct);
        Submit([machine]);
        return machine;
    }

    /// <summary>
    /// The machines of a chassis (<see cref="ChassisEnlistment.AddAsync"/>, reporting to <paramref name="progress"/>);
    /// those commissioned at once (<c>accept_all</c>) get their power submitted.
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AddChassisAsync(
        ChassisRequest request, Actor actor, CancellationToken ct, IProgress<ChassisProgress>? progress = null)
    {
        IReadOnlyList<Machine> added = await chassis.AddAsync(request, actor, enlister, ct, progress);
        Submit(added);
        return added;
    }

    private void Submit(IEnumerable<Machine> machines)
    {
        foreach (Machine machine in machines.Where(m => m.RequestedPower != PowerRequest.None))
        {
            power?.Submit(machine.SystemId);
        }
    }

    private static T? Get<T>(IServiceProvider services)
        where T : class => services.GetService(typeof(T)) as T;

    private static T Required<T>(IServiceProvider services)
        where T : class => Get<T>(services) ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered.");
}
