using Ingot.Core.Config;
using Ingot.Core.Hardware;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Storage;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// MAAS's <c>restore_networking_configuration</c>, <c>restore_storage_configuration</c> and
/// <c>restore_default_configuration</c>: administrators only, on a READY or FAILED_TESTING machine
/// (409 with MAAS's text otherwise). Storage: the configuration is cleared and the default layout
/// (the <c>default_storage_layout</c> setting, flat unless set) applied, as after commissioning
/// (<see cref="DefaultStorage"/>). Networking: the interfaces commissioning found (the physical ones)
/// are kept and every interface made on them (bonds, bridges, VLANs) removed; each kept interface is
/// enabled with no parents, and MAAS's initial configuration set: the boot interface (the first
/// physical one) gets an AUTO link on the subnet it had a link on, if any, the others none
/// (<c>LINK_UP</c>). The status does not change; the machine is saved with its compare-and-set.
/// </summary>
public sealed class ConfigurationRestore(IMachineStore machines, TimeProvider time, IConfigStore? config = null)
{
    public Task<Machine> RestoreNetworkingAsync(Actor actor, string systemId, CancellationToken ct) =>
        RestoreAsync(actor, systemId, "restore networking configuration", restoreStorage: false, restoreNetworking: true, ct);

    public Task<Machine> RestoreStorageAsync(Actor actor, string systemId, CancellationToken ct) =>
        RestoreAsync(actor, systemId, "restore storage configuration.", restoreStorage: true, restoreNetworking: false, ct);

    public Task<Machine> RestoreDefaultAsync(Actor actor, string systemId, CancellationToken ct) =>
        RestoreAsync(actor, systemId, "restore default networking and storage configuration.", restoreStorage: true, restoreNetworking: true, ct);

    /// <summary>The interfaces of MAAS's initial networking configuration (see the class summary).</summary>
    public static List<NetworkInterface> InitialInterfaces(IEnumerable<NetworkInterface> interfaces)
    {
        List<NetworkInterface> physical = [.. interfaces.Where(i => i.Type == InterfaceType.Physical)];
        for (int i = 0; i < physical.Count; i++)
        {
            NetworkInterface nic = physical[i];
            string? subnet = nic.Links.Select(l => l.Subnet).FirstOrDefault(s => s is not null);
            nic.Enabled = true;
            nic.Parents = [];
            nic.Links.Clear();
            nic.Links.Add(i == 0 && subnet is not null
                ? new InterfaceLink { Mode = LinkMode.Auto, Subnet = subnet }
                : new InterfaceLink { Mode = LinkMode.LinkUp });
        }

        return physical;
    }

    private async Task<Machine> RestoreAsync(Actor actor, string systemId, string what, bool restoreStorage, bool restoreNetworking, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, NodePermission.Admin, ct);
        if (machine.Status is not (MachineStatus.Ready or MachineStatus.FailedTesting))
        {
            throw MachineOperationException.StateViolation($"Machine must be in a ready or failed testing state to {what}");
        }

        if (restoreStorage)
        {
            StorageLayout.Clear(machine);
            string? layout = config is null ? null : await config.GetAsync(ConfigSettings.DefaultStorageLayoutName, ct);
            DefaultStorage.Apply(machine, layout);
        }

        if (restoreNetworking)
        {
            machine.Interfaces = InitialInterfaces(machine.Interfaces);
        }

        machine.Updated = time.GetUtcNow().UtcDateTime;
        await machines.SaveAsync(machine, ct);
        return machine;
    }
}
