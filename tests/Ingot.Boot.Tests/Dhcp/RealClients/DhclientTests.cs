using System.Diagnostics;
using System.Net;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>ISC <c>dhclient</c> (isc-dhcp-client) against Ingot's DHCP listener across a veth pair.</summary>
public sealed class DhclientTests
{
    private const string Dhclient = "/usr/sbin/dhclient";

    private const string Script = """
        #!/bin/sh
        echo "$reason ip=$new_ip_address mask=$new_subnet_mask routers=$new_routers server=$new_dhcp_server_identifier lease=$new_dhcp_lease_time domain=$new_domain_name" >> "$(dirname "$0")/dhclient.out"
        case "$reason" in
          BOUND|RENEW|REBIND|REBOOT) /usr/sbin/ip addr add "$new_ip_address/24" dev "$interface" 2>/dev/null || true ;;
          RELEASE|EXPIRE|STOP) /usr/sbin/ip addr flush dev "$interface" ;;
        esac
        """;

    [Fact]
    public async Task Dhclient_gets_a_lease_and_releases_it()
    {
        UdhcpcTests.SkipUnlessAvailable();
        if (!File.Exists(Dhclient))
        {
            Assert.Skip("isc-dhcp-client (dhclient) is not installed (scripts/install-test-packages.sh installs it)");
        }

        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        string script = network.Write("dhclient.sh", Script);
        string config = network.Write("dhclient.conf", "request subnet-mask, routers, domain-name, domain-name-servers;\n");
        string[] files = ["-sf", script, "-cf", config, "-lf", Path.Combine(network.Directory.FullName, "leases"), "-pf", Path.Combine(network.Directory.FullName, "pid")];

        using Process dhclient = network.Client.Start(Dhclient, ["-4", "-d", "-1", "-v", .. files, network.ClientLink]);
        try
        {
            await Eventually.WaitAsync(() => network.Read("dhclient.out").Contains("BOUND ip=", StringComparison.Ordinal), "dhclient to report BOUND");
            Assert.Contains("BOUND ip=10.211.0.100 mask=255.255.255.0 routers=10.211.0.1 server=10.211.0.1 lease=3600 domain=maas", network.Read("dhclient.out"), StringComparison.Ordinal);
            Assert.Equal(network.ClientMac(), network.Store.Leases[IPAddress.Parse("10.211.0.100")].Mac);

            using Process release = network.Client.Start(Dhclient, ["-4", "-r", "-v", .. files, network.ClientLink]);
            await Eventually.ExitAsync(release, "dhclient -r to release the lease");
            await Eventually.WaitAsync(() => network.Store.Leases.IsEmpty, "the lease released by dhclient -r to leave the store");
            await Eventually.ExitAsync(dhclient, "the foreground dhclient to stop after dhclient -r");
        }
        finally
        {
            if (!dhclient.HasExited)
            {
                dhclient.Kill();
            }
        }
    }
}
