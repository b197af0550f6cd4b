using System.Net;
using System.Net.Sockets;
using System.Text;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// The lab itself: a VM's network ROM broadcasts DHCPDISCOVER through the namespace's bridge to the
/// host end of the veth, where Ingot listens. If this fails, the boot tests cannot pass either.
/// </summary>
public sealed class BootNetworkTests
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    [Fact]
    public async Task A_bios_vm_broadcasts_dhcp_discover_with_its_mac_to_the_host_interface()
    {
        E2ERequirements.Require();
        await using BootNetwork network = await BootNetwork.CreateAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(network.HostInterface + "\0"));
        socket.Bind(new IPEndPoint(IPAddress.Any, 67));

        await using QemuMachine vm = await QemuMachine.StartAsync(network, 1, Firmware.Bios);
        byte[] buffer = new byte[1500];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        string expected = vm.Mac.Replace(":", "", StringComparison.Ordinal);
        while (true)
        {
            int length;
            try
            {
                length = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited 60 s for a DHCPDISCOVER from {vm.Mac} on {network.HostInterface}. Console:\n{vm.Console}");
            }

            // BOOTREQUEST with the VM's MAC in chaddr (bytes 28..33).
            if (length >= 240 && buffer[0] == 1 && Convert.ToHexStringLower(buffer, 28, 6) == expected)
            {
                break;
            }
        }

        Assert.Contains("iPXE", vm.Console, StringComparison.Ordinal);
    }
}
