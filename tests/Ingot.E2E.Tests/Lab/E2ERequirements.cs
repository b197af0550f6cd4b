namespace Ingot.E2E.Tests.Lab;

/// <summary>What the end-to-end tests need on the host; they skip, naming it, only when it is absent.</summary>
internal static class E2ERequirements
{
    public static void Require(Firmware firmware = Firmware.Bios)
    {
        if (!HostCommand.IsRoot)
        {
            Assert.Skip("network boot tests create network namespaces and taps: they need root");
        }

        if (!HostCommand.Exists(QemuMachine.Binary))
        {
            Assert.Skip($"{QemuMachine.Binary} is absent (scripts/install-test-packages.sh installs qemu-system-x86)");
        }

        if (firmware == Firmware.Uefi && !HostCommand.Exists(QemuMachine.UefiFirmware))
        {
            Assert.Skip($"{QemuMachine.UefiFirmware} is absent (scripts/install-test-packages.sh installs ovmf)");
        }
    }

    /// <summary>ipmi_sim (openipmi) and FreeIPMI (freeipmi-tools), for the tests that power VMs over IPMI: the install script installs them, so their absence fails.</summary>
    public static void RequireIpmi()
    {
        if (!HostCommand.Exists(Ingot.Sim.Ipmi.IpmiSimBmc.Executable))
        {
            Assert.Fail($"{Ingot.Sim.Ipmi.IpmiSimBmc.Executable} is absent (scripts/install-test-packages.sh installs openipmi)");
        }

        foreach (string tool in (string[])["ipmipower", "ipmi-chassis-config"])
        {
            if (!HostCommand.Exists(tool) && !HostCommand.Exists($"/usr/sbin/{tool}"))
            {
                Assert.Fail($"{tool} is absent (scripts/install-test-packages.sh installs freeipmi-tools)");
            }
        }
    }
}
