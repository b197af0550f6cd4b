namespace Ingot.Sim.Machines;

/// <summary>
/// What goes wrong with a simulated machine (<c>--failures</c>). Script, disk and hang failures strike
/// the boots of a known machine (commissioning after accept, testing), not its enlistment; installer,
/// erase and rescue failures strike the boot of that name (the machine commissions and tests cleanly).
/// </summary>
public enum FailureKind
{
    None,

    /// <summary>A named commissioning or testing script exits 1.</summary>
    Script,

    /// <summary>A dead disk: the disk tests (<c>smartctl-validate</c>) fail.</summary>
    DeadDisk,

    /// <summary>The machine hangs while booting (cloud-init never reports): the status times out.</summary>
    Hang,

    /// <summary>The BMC does not answer (its address has nothing listening).</summary>
    Bmc,

    /// <summary>The boot NIC never gets a DHCP lease (it sits behind a relay on a network Ingot does not serve).</summary>
    NoLease,

    /// <summary>The installer fails partitioning: curtin's reporter signals FAILED and <c>cmd-install</c> finishes FAIL.</summary>
    Installer,

    /// <summary>A disk that cannot be erased: the release script <c>wipe-disks</c> exits 1.</summary>
    Erase,

    /// <summary>The rescue environment does not come up: it signals FAILED instead of OK.</summary>
    Rescue,
}
