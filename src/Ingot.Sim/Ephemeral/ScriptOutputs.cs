using System.Globalization;
using System.Text;
using Ingot.Sim.Machines;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// What the built-in scripts print on a simulated machine and how they exit: the machine-resources
/// JSON for <c>50-maas-01-commissioning</c>, lshw XML for <c>maas-lshw</c>, the BMC for
/// <c>30-maas-01-bmc-config</c>, a line for the others; exit 1 for the injected failing script, for
/// the disk tests of a machine with a dead disk, and for <c>wipe-disks</c> on a disk that cannot be erased.
/// </summary>
public static class ScriptOutputs
{
    public const string Resources = "50-maas-01-commissioning";

    public static int ExitStatus(string script, MachineFailure failure) => failure.Kind switch
    {
        FailureKind.Script when failure.Script == script => 1,
        FailureKind.DeadDisk when script == "smartctl-validate" => 1,
        FailureKind.Erase when script == "wipe-disks" => 1,
        _ => 0,
    };

    public static byte[] Stdout(string script, SimulatedMachine machine, MachineFailure failure, string? address) => script switch
    {
        Resources => Encoding.UTF8.GetBytes(MachineResourcesDocument.Build(machine.Profile, machine.Uuid, address).ToJsonString()),
        "maas-lshw" => Encoding.UTF8.GetBytes(Lshw(machine.Profile, machine.Uuid)),
        "smartctl-validate" when failure.Kind == FailureKind.DeadDisk =>
            Encoding.UTF8.GetBytes($"/dev/{machine.Profile.Disks[0].Name}: SMART overall-health self-assessment test result: FAILED!\n"),
        "wipe-disks" when failure.Kind == FailureKind.Erase =>
            Encoding.UTF8.GetBytes($"/dev/{machine.Profile.Disks[0].Name}: write failed at sector 0: Input/output error\n"),
        _ => Encoding.UTF8.GetBytes($"{script}: ok on {machine.Hostname}\n"),
    };

    private static string Lshw(HardwareProfile p, Guid uuid)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" standalone=\"yes\" ?>\n<list>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<node id=\"sim\" claimed=\"true\" class=\"system\" handle=\"DMI:0001\">\n <product>{p.Product}</product>\n <vendor>{p.Vendor}</vendor>\n <serial>{uuid:N}</serial>\n");
        xml.Append(" <node id=\"core\" claimed=\"true\" class=\"bus\" handle=\"\">\n");
        for (int s = 0; s < p.Sockets; s++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <node id=\"cpu:{s}\" claimed=\"true\" class=\"processor\" handle=\"\">\n   <product>{p.CpuModel}</product>\n   <capabilities><capability id=\"x86-64\" /><capability id=\"vmx\" /></capabilities>\n  </node>\n");
        }

        xml.Append(CultureInfo.InvariantCulture, $"  <node id=\"memory\" claimed=\"true\" class=\"memory\" handle=\"\">\n   <size units=\"bytes\">{p.MemoryMiB * 1024 * 1024}</size>\n  </node>\n");
        foreach (SimulatedDisk d in p.Disks)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <node id=\"disk\" claimed=\"true\" class=\"disk\" handle=\"\">\n   <product>{d.Model}</product>\n   <logicalname>/dev/{d.Name}</logicalname>\n   <serial>{d.Serial}</serial>\n   <size units=\"bytes\">{d.SizeBytes}</size>\n  </node>\n");
        }

        foreach (SimulatedNic n in p.Nics)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <node id=\"network\" claimed=\"true\" class=\"network\" handle=\"\">\n   <logicalname>{n.Name}</logicalname>\n   <serial>{n.Mac}</serial>\n  </node>\n");
        }

        return xml.Append(" </node>\n</node>\n</list>\n").ToString();
    }
}
