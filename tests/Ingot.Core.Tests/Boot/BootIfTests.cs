using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Core.Tests.Boot;

/// <summary><c>BOOTIF</c> read from the kernel command line that <c>maas-kernel-cmdline</c> reports.</summary>
public sealed class BootIfTests
{
    [Theory]
    [InlineData("root=squash:http://h/x ip=::::n1:BOOTIF ip6=off BOOTIF=01-52-54-00-aa-bb-0c\n", "52:54:00:aa:bb:0c")]
    [InlineData("BOOTIF=01-52:54:00:AA:BB:0C console=ttyS0", "52:54:00:aa:bb:0c")]
    [InlineData("nomodeset BOOTIF=01-52-54-00-aa-bb-0c BOOTIF=01-52-54-00-aa-bb-0d", "52:54:00:aa:bb:0c")]
    public void The_first_bootif_gives_the_boot_mac(string cmdline, string mac) =>
        Assert.Equal(MacAddress.Parse(mac), BootIf.Parse(cmdline));

    [Theory]
    [InlineData("root=squash:http://h/x ip=::::n1:BOOTIF ip6=off")] // the ip= field names BOOTIF but carries no MAC
    [InlineData("BOOTIF=01-52-54-00-aa-bb")]
    [InlineData("BOOTIF=52-54-00-aa-bb-0c")]
    [InlineData("XBOOTIF=01-52-54-00-aa-bb-0c")]
    [InlineData("")]
    public void No_well_formed_bootif_gives_none(string cmdline) => Assert.Null(BootIf.Parse(cmdline));
}
