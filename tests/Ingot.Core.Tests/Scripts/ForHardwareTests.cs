using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Core.Tests.Scripts;

/// <summary><c>for_hardware</c>: MAAS's hardware pairs and modalias globs, and the scripts added once the hardware is known.</summary>
public sealed class ForHardwareTests
{
    private static readonly DateTime s_now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    private static Machine Commissioned()
    {
        Machine machine = Machine.Create("abc123", "node1", DateTime.UnixEpoch);
        machine.HardwareInfo["system_vendor"] = "QEMU";
        machine.HardwareInfo["mainboard_product"] = "Standard PC (Q35 + ICH9, 2009)";
        machine.Modaliases = ["pci:v00008086d00001918sv000015D9sd00000888bc06sc00i00", "usb:v174Cp07D1d1000dc00dsc00dp00ic08isc06ip50in00"];
        machine.NodeDevices = [new NodeDevice { Id = 1, Bus = NodeDeviceBus.Pcie, VendorId = "1af4", ProductId = "1041", PciAddress = "0000:00:03.0" }];
        return machine;
    }

    [Theory]
    [InlineData("system_vendor:QEMU", true)]
    [InlineData("system_vendor:Dell Inc.", false)]
    [InlineData("mainboard_product:Standard PC (Q35 + ICH9, 2009)", true)]
    [InlineData("pci:8086:1918", true)]
    [InlineData("pci:8086:191*", true)]
    [InlineData("pci:8086:1919", false)]
    [InlineData("usb:174c:07d1", true)]
    [InlineData("usb:174c:07d2", false)]
    [InlineData("modalias:pci:v00008086d00001918sv000015D9*", true)]
    [InlineData("modalias:pci:v0000[0-9]086d*", true)]
    [InlineData("modalias:pci:v0000[!8]086d*", false)]
    [InlineData("pci:1af4:1041", true)] // a stored PCI device, without a modalias listed for it
    [InlineData("pci:8086", false)]    // malformed: ignored
    public void An_entry_matches_as_MAAS_matches_it(string entry, bool expected) =>
        Assert.Equal(expected, HardwareMatch.Matches([entry], Commissioned()));

    [Theory]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("[]x]", "]", true)]
    [InlineData("[a", "[a", true)]
    [InlineData("*", "", true)]
    [InlineData("**a**b", "xxaxxb", true)]
    [InlineData("ABC", "abc", false)]
    public void Globs_follow_fnmatch(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));

    private static Script User(string name, ScriptType type, string[] tags, params string[] forHardware)
    {
        var script = new Script { Name = name, Type = type, Tags = [.. tags], ForHardware = [.. forHardware] };
        script.Versions.Add(new ScriptVersion { Data = "#!/bin/sh\n" });
        return script;
    }

    [Fact]
    public void Matching_for_hardware_scripts_with_a_requested_tag_are_added_once_and_others_are_not()
    {
        Machine machine = Commissioned();
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Commissioning, Tags = ["firmware"] };
        set.Results.Add(new ScriptResult { Name = "50-maas-01-commissioning", Status = ScriptStatus.Passed });
        Script[] all =
        [
            User("update-qemu", ScriptType.Commissioning, ["firmware"], "system_vendor:QEMU"),
            User("update-dell", ScriptType.Commissioning, ["firmware"], "system_vendor:Dell Inc."),
            User("untagged-qemu", ScriptType.Commissioning, ["other"], "system_vendor:QEMU"),
            User("test-qemu", ScriptType.Testing, ["firmware"], "system_vendor:QEMU"),
        ];

        Assert.Equal(["update-qemu"], ForHardwareScripts.Select(set, all, machine, s_now));
        Assert.Equal(ScriptStatus.Pending, set.Results.Single(r => r.Name == "update-qemu").Status);
        Assert.Empty(ForHardwareScripts.Select(set, all, machine, s_now));
        Assert.Equal(2, set.Results.Count);
    }

    [Fact]
    public void A_set_made_without_requested_tags_gets_no_for_hardware_scripts_as_in_MAAS()
    {
        Machine machine = Commissioned();
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Testing };
        Assert.Empty(ForHardwareScripts.Select(set, [User("test-qemu", ScriptType.Testing, ["firmware"], "system_vendor:QEMU")], machine, s_now));
    }

    [Fact]
    public void Only_requested_names_that_are_script_tags_are_kept_on_the_set()
    {
        Script[] all = [User("a", ScriptType.Commissioning, ["firmware", "x"])];
        Assert.Equal(["firmware"], ScriptSelection.RequestedTags(all, ["firmware", "a", "nope"]));
        Assert.Empty(ScriptSelection.RequestedTags(all, null));
    }
}
