using Ingot.CommandLine;
using Ingot.Commands;
using Ingot.Core.Boot;
using Ingot.Hosting;

namespace Ingot.Tests.CommandLine;

public class BootInterfaceTests
{
    private static ParsedCommand Parse(params string[] args) => CommandLineParser.Parse(IngotCommands.All, args);

    [Fact]
    public void Boot_interface_repeats_and_the_options_win_over_the_environment()
    {
        ParsedCommand c = Parse("serve", "--boot-interface", "eth1", "--boot-interface=br0");

        BootInterfaces fromOptions = BootInterfaceSettings.Resolve(c.GetAll("boot-interface"), "eth9");
        BootInterfaces fromVariable = BootInterfaceSettings.Resolve(Parse("serve").GetAll("boot-interface"), "eth2, eth3 eth2");

        Assert.Equal(["eth1", "br0"], fromOptions.Names);
        Assert.Equal(["eth2", "eth3"], fromVariable.Names);
        Assert.True(fromOptions.Enabled);
    }

    [Fact]
    public void Without_a_boot_interface_serve_says_boot_services_are_off_and_how_to_turn_them_on()
    {
        BootInterfaces none = BootInterfaceSettings.Resolve(Parse("serve").GetAll("boot-interface"), null);

        Assert.False(none.Enabled);
        string message = BootInterfaceSettings.Describe(none);
        Assert.Contains("Boot services (DHCP, TFTP) are off", message, StringComparison.Ordinal);
        Assert.Contains("--boot-interface IFACE", message, StringComparison.Ordinal);
        Assert.Contains("INGOT_BOOT_INTERFACES", message, StringComparison.Ordinal);
        Assert.Equal("Boot services (DHCP, TFTP) on: lo", BootInterfaceSettings.Describe(new BootInterfaces(["lo"])));
    }

    [Fact]
    public void An_interface_the_host_does_not_have_is_named()
    {
        Assert.Equal(["nosuch0"], BootInterfaceSettings.Unknown(new BootInterfaces(["lo", "nosuch0"]), ["lo", "eth0"]));
    }
}
