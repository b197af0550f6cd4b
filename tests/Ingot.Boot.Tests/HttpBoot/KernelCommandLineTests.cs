using System.Net;
using Ingot.Boot.HttpBoot;
using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.HttpBoot;

/// <summary>The ephemeral kernel command line: MAAS's options, then <c>---</c> and the operator's global <c>kernel_opts</c> unless a tag gives the machine its own.</summary>
public sealed class KernelCommandLineTests
{
    private static readonly BootServer s_server = new(IPAddress.Parse("10.0.0.1"), 5248);
    private static readonly BootSelection s_enlist = BootSelector.Select(null, BootDefaults.Maas);

    [Fact]
    public void Kernel_opts_come_last_after_the_separator_and_nothing_is_added_without_them()
    {
        string without = KernelCommandLine.Compose(s_server, s_enlist, "http://x/preseed");
        string with = KernelCommandLine.Compose(s_server, s_enlist, "http://x/preseed", " console=tty0 console=ttyS0,115200 ");

        Assert.EndsWith("log_host=10.0.0.1 log_port=5247", without, StringComparison.Ordinal);
        Assert.Equal(without + " --- console=tty0 console=ttyS0,115200", with);
    }

    [Fact]
    public void A_tags_kernel_opts_take_the_place_of_the_global_ones()
    {
        string line = KernelCommandLine.Compose(s_server, s_enlist with { KernelOpts = "intel_iommu=on" }, "http://x/preseed", "console=ttyS0");

        Assert.EndsWith("log_port=5247 --- intel_iommu=on", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ephemeral_script_carries_the_kernel_opts_on_its_kernel_line()
    {
        string script = IpxeScripts.Ephemeral(s_server, s_enlist, "console=ttyS0");

        string kernel = Assert.Single(script.Split('\n'), l => l.StartsWith("kernel ", StringComparison.Ordinal));
        Assert.Contains("log_port=5247 --- console=ttyS0 BOOTIF=01-${netX/mac:hexhyp}", kernel, StringComparison.Ordinal);
    }
}
