using Ingot.Core.Boot;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Networks;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// What starting a run does around its status change, the same for the REST ops
/// (<see cref="MachineOperations"/>) and the UI actions (<see cref="MachineActions"/>), as MAAS does it in the
/// model (<c>Node.start</c>, <c>start_commissioning</c>, <c>start_testing</c>, <c>release</c>) that both its API
/// and its websocket call:
/// <list type="bullet">
/// <item>Deploy: <see cref="DeploymentChecks"/> (boot image, network, storage; the network check also on a host
/// without boot images), then the AUTO link addresses
/// (<see cref="Networks.AutoAddresses"/>), then the transition and the save; the addresses are given back when
/// the deployment cannot be saved. A refusal saves nothing.</item>
/// <item>Commission / test: the transition and the save, then the run's script sets
/// (<see cref="ScriptSelection"/>, with the scripts and parameters asked for; skip-BMC-config results
/// stored as skipped).</item>
/// <item>Release: the transition, the AUTO addresses given back, the save; mark broken of a releasable machine
/// (which releases it first) likewise.</item>
/// </list>
/// The caller has checked permission and source status; <c>record</c> adds the caller's own event (the UI's
/// audit event) before the save. A piece left null (a host without boot images, scripts or networks) is skipped.
/// </summary>
public sealed class MachineLifecycle(IMachineStore store, TimeProvider time, LifecycleSettings settings)
{
    public DeploymentChecks? Checks { get; init; }

    public AutoAddresses? AutoAddresses { get; init; }

    public ScriptSelection? Scripts { get; init; }

    /// <summary>The lifecycle with every piece the host has registered (one composition for the API and the UI).</summary>
    public static MachineLifecycle Compose(IServiceProvider services, LifecycleSettings settings)
    {
        var time = Get<TimeProvider>(services) ?? TimeProvider.System;
        return new MachineLifecycle(Get<IMachineStore>(services) ?? throw new InvalidOperationException("No IMachineStore is registered."), time, settings)
        {
            Checks = Get<IBootImageCatalog>(services) is { } images ? new DeploymentChecks(images) : null,
            AutoAddresses = Get<AutoAddresses>(services),
            Scripts = Get<IScriptResultStore>(services) is { } results && Get<ScriptCatalog>(services) is { } catalog
                ? new ScriptSelection(results, catalog, time)
                : null,
        };
    }

    /// <summary>
    /// The deploy checks alone (<see cref="DeploymentChecks"/>; the network check also on a host without boot images).
    /// They look at no status, so a READY machine is checked before it is acquired: a refusal then leaves even the
    /// machine in memory as it was (nothing is saved either way).
    /// </summary>
    public async Task CheckDeploymentAsync(Machine machine, DeployOptions options, CancellationToken ct)
    {
        if (Checks is not null)
        {
            await Checks.CheckAsync(machine, options, ct);
        }
        else
        {
            DeploymentChecks.CheckNetwork(machine);
        }
    }

    /// <summary>Deploys; <paramref name="checkedAlready"/> when the caller ran <see cref="CheckDeploymentAsync"/> on this machine.</summary>
    public async Task DeployAsync(
        Machine machine, Actor actor, DeployOptions options, Action<Machine, DateTime>? record, CancellationToken ct, bool checkedAlready = false)
    {
        if (!checkedAlready)
        {
            await CheckDeploymentAsync(machine, options, ct);
        }

        if (AutoAddresses is not null)
        {
            await AutoAddresses.ClaimAsync(machine, ct);
        }

        try
        {
            DateTime now = Now;
            machine.StartDeployment(actor, now, settings, options);
            record?.Invoke(machine, now);
            await store.SaveAsync(machine, ct);
        }
        catch when (AutoAddresses is not null)
        {
            await AutoAddresses.ReleaseAsync(machine, CancellationToken.None);
            throw;
        }
    }

    public async Task CommissionAsync(
        Machine machine, Actor actor, CommissioningOptions? options, ScriptChoice? scripts, Action<Machine, DateTime>? record, CancellationToken ct)
    {
        DateTime now = Now;
        machine.StartCommissioning(actor, now, settings, options);
        record?.Invoke(machine, now);
        await store.SaveAsync(machine, ct);
        if (Scripts is not null)
        {
            scripts ??= ScriptChoice.Default;
            Actor? skipBmc = options?.SkipBmcConfig == true ? actor : null;
            await Scripts.CreateAsync(machine, ScriptSetKind.Commissioning, scripts.Commissioning, scripts.Parameters, skipBmc, ct);
            await Scripts.CreateAsync(machine, ScriptSetKind.Testing, scripts.Testing, scripts.Parameters, null, ct);
        }
    }

    public async Task TestAsync(Machine machine, Actor actor, bool enableSsh, ScriptChoice? scripts, Action<Machine, DateTime>? record, CancellationToken ct)
    {
        DateTime now = Now;
        machine.StartTesting(actor, now, settings, enableSsh);
        record?.Invoke(machine, now);
        await store.SaveAsync(machine, ct);
        if (Scripts is not null)
        {
            scripts ??= ScriptChoice.Default;
            await Scripts.CreateAsync(machine, ScriptSetKind.Testing, scripts.Testing, scripts.Parameters, null, ct);
        }
    }

    public async Task ReleaseAsync(Machine machine, Actor actor, ReleaseOptions? options, Action<Machine, DateTime>? record, CancellationToken ct)
    {
        DateTime now = Now;
        machine.StartReleasing(actor, now, settings, options);
        await ReleaseAutoAddressesAsync(machine, ct);
        record?.Invoke(machine, now);
        await store.SaveAsync(machine, ct);
    }

    /// <summary>
    /// <c>mark_broken</c>: a machine in a releasable status is released first (<see cref="Machine.MarkBroken"/>), and
    /// that release gives its AUTO link addresses back as every release does (MAAS's <c>_release</c>/<c>_finalize_release</c>
    /// call <c>release_interface_config</c>); then the save. The same for the REST op and the UI action.
    /// </summary>
    public async Task MarkBrokenAsync(Machine machine, Actor actor, string? comment, Action<Machine, DateTime>? record, CancellationToken ct)
    {
        DateTime now = Now;
        bool releases = MachineStatuses.Releasable.Contains(machine.Status);
        machine.MarkBroken(actor, now, settings, comment);
        if (releases)
        {
            await ReleaseAutoAddressesAsync(machine, ct);
        }

        record?.Invoke(machine, now);
        await store.SaveAsync(machine, ct);
    }

    /// <summary>MAAS's <c>release_interface_config</c>: the AUTO links give their addresses back (the caller saves).</summary>
    public Task ReleaseAutoAddressesAsync(Machine machine, CancellationToken ct) =>
        AutoAddresses is null ? Task.CompletedTask : AutoAddresses.ReleaseAsync(machine, ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static T? Get<T>(IServiceProvider services)
        where T : class => services.GetService(typeof(T)) as T;
}
