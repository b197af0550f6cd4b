using System.Globalization;

namespace Ingot.Sim.Ipmi;

/// <summary>
/// The qemu VM an ipmi_sim BMC powers: TCG unless <see cref="Accelerator"/> says otherwise, its NIC on <paramref name="Tap"/> (an existing
/// tap, inside <see cref="Namespace"/> when set) with <paramref name="Mac"/>. Power on starts it with the
/// boot order from the BMC's boot device; its serial console goes to <c>console.log</c> in the BMC's directory.
/// </summary>
public sealed record IpmiVm(string Tap, string Mac)
{
    public const string DefaultQemu = "/usr/bin/qemu-system-x86_64";

    /// <summary>The network namespace holding the tap; qemu runs in it through <c>ip netns exec</c>.</summary>
    public string? Namespace { get; init; }

    public int MemoryMiB { get; init; } = 512;

    public int Cpus { get; init; } = 1;

    /// <summary>qemu's <c>-accel</c>: <c>tcg</c>, or <c>kvm</c> where /dev/kvm is usable.</summary>
    public string Accelerator { get; init; } = "tcg";

    /// <summary>More qemu arguments after the NIC (disks, for instance), one element each.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public string Qemu { get; init; } = DefaultQemu;

    /// <summary>OVMF for a UEFI machine (q35); null = SeaBIOS.</summary>
    public string? UefiFirmware { get; init; }

    /// <summary>
    /// A writable copy of OVMF's variable store (<c>OVMF_VARS.fd</c>) that goes with <see cref="UefiFirmware"/> as
    /// OVMF's code alone (<c>OVMF_CODE.fd</c>): the firmware is then two pflash drives and its variables (the boot
    /// entries, <c>BootOrder</c>) survive power cycles, as a machine's NVRAM does. Null: the whole firmware with
    /// <c>-bios</c>, whose variables live only as long as qemu runs.
    /// </summary>
    public string? UefiVariables { get; init; }

    /// <summary>
    /// The command that starts the VM, one argument a line in <c>qemu.args</c>; the chassis script adds
    /// the boot order, the monitor FIFO and the serial console file.
    /// </summary>
    public IReadOnlyList<string> Command(string name)
    {
        var args = new List<string>();
        if (Namespace is not null)
        {
            args.AddRange(["/usr/sbin/ip", "netns", "exec", Namespace]);
        }

        args.AddRange(
        [
            Qemu, "-name", name, "-accel", Accelerator, "-m", MemoryMiB.ToString(CultureInfo.InvariantCulture), "-smp", Cpus.ToString(CultureInfo.InvariantCulture),
            "-nographic",
            "-netdev", $"tap,id=n0,ifname={Tap},script=no,downscript=no",
            "-device", $"virtio-net-pci,netdev=n0,mac={Mac}",
        ]);
        args.AddRange(ExtraArguments);
        if (UefiFirmware is not null && UefiVariables is not null)
        {
            args.AddRange(
            [
                "-machine", "q35",
                "-drive", $"if=pflash,format=raw,readonly=on,file={UefiFirmware}",
                "-drive", $"if=pflash,format=raw,file={UefiVariables}",
            ]);
        }
        else if (UefiFirmware is not null)
        {
            args.AddRange(["-machine", "q35", "-bios", UefiFirmware]);
        }

        return args;
    }
}
