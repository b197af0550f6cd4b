using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Core.Tests.Actions;

/// <summary>Machines set up in a given status, as MAAS's test factory makes them.</summary>
internal static class MachineFixture
{
    public const string Alice = "alice";
    public const string Bob = "bob";
    public const string Root = "root";

    public static DateTime Start { get; } = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A commissioned ipmi machine with one NIC (with the AUTO link commissioning gives the boot interface) and one disk, in <paramref name="status"/> with
    /// previous_status READY (NEW for READY itself), owned by <paramref name="owner"/> unless the
    /// status is NEW or READY. Set up through the unvalidated path, like MAAS's factory.
    /// </summary>
    public static Machine InStatus(MachineStatus status, string? owner = Root, string systemId = "abc123", bool locked = false)
    {
        var machine = Machine.Create(systemId, "host-" + systemId, Start);
        machine.PowerType = "ipmi";
        machine.PowerState = PowerState.Unknown;
        machine.Architecture = "amd64/generic";
        machine.CpuCount = 4;
        machine.Memory = 8192;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:00:01"), Links = [BootLink()] });
        machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = 100_000_000_000 });
        machine.CommissioningResult = ScriptSetStatus.Passed;
        if (status != MachineStatus.New)
        {
            machine.ForceStatus(MachineStatus.Ready, UnvalidatedReason.AddedDeployed, Start);
        }

        machine.ForceStatus(status, UnvalidatedReason.AddedDeployed, Start);
        if (!MachineStatuses.OwnerClearedOnEntering.Contains(status))
        {
            machine.SetOwner(owner);
        }

        machine.SetStatusExpires(Start.AddMinutes(30));
        machine.SetLocked(locked);
        return machine;
    }

    /// <summary>The link commissioning gives the boot interface (MAAS's initial networking): AUTO on the subnet it booted from.</summary>
    public static InterfaceLink BootLink() => new() { Mode = LinkMode.Auto, Subnet = "10.0.0.0/24" };

    /// <summary>A store holding <paramref name="machines"/> (their setup events cleared).</summary>
    public static async Task<Fakes.InMemoryMachineStore> StoreWith(params Machine[] machines)
    {
        var store = new Fakes.InMemoryMachineStore();
        foreach (Machine m in machines)
        {
            await store.AddAsync(m, CancellationToken.None);
        }

        return store;
    }
}
