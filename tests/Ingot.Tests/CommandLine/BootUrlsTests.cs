using Ingot.Hosting;

namespace Ingot.Tests.CommandLine;

/// <summary>DHCP and TFTP hand out URLs on the port <c>--boot-urls</c> makes HTTP boot listen on.</summary>
public class BootUrlsTests
{
    [Theory]
    [InlineData(null, 5248)]
    [InlineData("none", 5248)]
    [InlineData("", 5248)]
    [InlineData("http://10.0.0.1:8248", 8248)]
    [InlineData("http://*:6000;http://[::]:7000", 6000)]
    [InlineData("http://10.0.0.1", 80)]
    public void The_boot_port_is_the_first_boot_urls_port(string? bootUrls, int port)
    {
        Assert.Equal(port, BootHosting.HttpPort(bootUrls));
        Assert.Equal(port, BootHosting.DhcpSettings(port).Boot.HttpPort);
    }
}
