using System.Net;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class PxeBootTests
{
    private static readonly IPAddress s_server = IPAddress.Parse("10.0.0.1");

    [Theory]
    [InlineData(0, "undionly.kpxe")]
    [InlineData(7, "ipxe.efi")]
    [InlineData(9, "ipxe.efi")]
    [InlineData(11, "arm64/ipxe.efi")]
    public void A_pxe_rom_gets_the_first_stage_file_for_its_architecture_from_the_serving_address(int architecture, string file)
    {
        DhcpPacket request = PxeRequest((ushort)architecture);

        PxeBoot boot = PxeBoot.For(request, s_server, DhcpBootSettings.Default)!;

        Assert.Equal(file, boot.File);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(file), Option(boot, DhcpOptionCode.BootFileName));
        Assert.Equal("10.0.0.1"u8.ToArray(), Option(boot, DhcpOptionCode.TftpServerName));
        Assert.Equal("PXEClient"u8.ToArray(), Option(boot, DhcpOptionCode.VendorClass));
        Assert.Equal(new byte[] { 6, 1, 8, 255 }, Option(boot, DhcpOptionCode.VendorSpecific));
    }

    [Fact]
    public void Configured_loaders_replace_the_defaults_as_maas_uses_lpxelinux_and_snponly()
    {
        var settings = new DhcpBootSettings { BiosLoader = "lpxelinux.0", UefiLoader = "snponly.efi" };

        Assert.Equal("lpxelinux.0", PxeBoot.For(PxeRequest(0), s_server, settings)!.File);
        Assert.Equal("snponly.efi", PxeBoot.For(PxeRequest(9), s_server, settings)!.File);
    }

    [Fact]
    public void An_ipxe_client_gets_its_boot_script_url_and_is_told_not_to_wait_for_proxy_dhcp()
    {
        DhcpPacket ipxe = DhcpCodec.Parse(GoldenPackets.IpxeBiosDiscover).Packet!;

        PxeBoot boot = PxeBoot.For(ipxe, s_server, DhcpBootSettings.Default)!;

        Assert.Equal("http://10.0.0.1:5248/ipxe/boot.ipxe", boot.File);
        Assert.Equal(new byte[] { 176, 1, 1 }, Option(boot, DhcpOptionCode.Ipxe));
        Assert.Null(Option(boot, DhcpOptionCode.VendorClass));
    }

    [Fact]
    public void The_urls_name_the_port_http_boot_listens_on_when_it_is_not_5248()
    {
        var settings = DhcpBootSettings.Default with { HttpPort = 8248 };
        DhcpPacket ipxe = DhcpCodec.Parse(GoldenPackets.IpxeBiosDiscover).Packet!;
        DhcpPacket http = PxeRequest(16) with
        {
            Options = [new DhcpOption(DhcpOptionCode.ClientArchitecture, [0, 16]), new DhcpOption(DhcpOptionCode.VendorClass, "HTTPClient:Arch:00016:UNDI:003000"u8.ToArray())],
        };

        Assert.Equal("http://10.0.0.1:8248/ipxe/boot.ipxe", PxeBoot.For(ipxe, s_server, settings)!.File);
        Assert.Equal("http://10.0.0.1:8248/boot/ipxe.efi", PxeBoot.For(http, s_server, settings)!.File);
    }

    [Fact]
    public void A_uefi_http_boot_client_gets_the_url_of_its_first_stage_file_and_its_vendor_class_back()
    {
        DhcpPacket request = PxeRequest(16) with
        {
            Options = [new DhcpOption(DhcpOptionCode.ClientArchitecture, [0, 16]), new DhcpOption(DhcpOptionCode.VendorClass, "HTTPClient:Arch:00016:UNDI:003000"u8.ToArray())],
        };

        PxeBoot boot = PxeBoot.For(request, s_server, DhcpBootSettings.Default)!;

        Assert.Equal("http://10.0.0.1:5248/boot/ipxe.efi", boot.File);
        Assert.Equal("HTTPClient"u8.ToArray(), Option(boot, DhcpOptionCode.VendorClass));
    }

    [Fact]
    public void A_plain_dhcp_client_or_an_unknown_architecture_gets_no_boot_file()
    {
        DhcpPacket udhcpc = DhcpCodec.Parse(GoldenPackets.UdhcpcDiscover).Packet!;

        Assert.Null(PxeBoot.For(udhcpc, s_server, DhcpBootSettings.Default));
        Assert.Null(PxeBoot.For(PxeRequest(2), s_server, DhcpBootSettings.Default));
    }

    [Fact]
    public void The_offer_to_a_pxe_rom_names_the_file_in_the_header_and_the_server_as_siaddr()
    {
        var s = new DhcpScenario();
        DhcpPacket discover = DhcpCodec.Parse(GoldenPackets.UefiPxeDiscover).Packet!;

        DhcpPacket offer = s.Send(discover).Reply!;

        Assert.Equal("ipxe.efi", offer.BootFile);
        Assert.Equal(DhcpScenario.Server, offer.ServerAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), offer.YourAddress);
    }

    private static DhcpPacket PxeRequest(ushort architecture) => DhcpScenario.Request(
        DhcpScenario.Mac(1),
        DhcpMessageType.Discover,
        new DhcpOption(DhcpOptionCode.ClientArchitecture, [(byte)(architecture >> 8), (byte)architecture]),
        new DhcpOption(DhcpOptionCode.VendorClass, System.Text.Encoding.ASCII.GetBytes($"PXEClient:Arch:{architecture:D5}:UNDI:002001")));

    private static byte[]? Option(PxeBoot boot, byte code) => boot.Options.FirstOrDefault(o => o.Code == code)?.Value;
}
