using System.Diagnostics;
using System.Net;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>busybox <c>udhcpc</c> (busybox-static) against Ingot's DHCP listener across a veth pair.</summary>
public sealed class UdhcpcTests
{
    private const string Busybox = "/usr/bin/busybox";

    private const string Script = """
        #!/bin/sh
        echo "$1 ip=$ip mask=$mask router=$router dns=$dns serverid=$serverid lease=$lease" >> "$(dirname "$0")/udhcpc.out"
        case "$1" in
          bound|renew) /usr/sbin/ip addr flush dev "$interface"; /usr/sbin/ip addr add "$ip/$mask" dev "$interface" ;;
          deconfig) /usr/sbin/ip addr flush dev "$interface" ;;
        esac
        """;

    [Fact]
    public async Task Udhcpc_gets_a_lease_with_the_subnets_router_dns_and_lease_time()
    {
        SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        string script = network.Write("udhcpc.sh", Script);

        using Process udhcpc = network.Client.Start(Busybox, "udhcpc", "-i", network.ClientLink, "-n", "-q", "-f", "-t", "5", "-T", "1", "-s", script);
        int exit = await Eventually.ExitAsync(udhcpc, "udhcpc -q to obtain a lease");

        Assert.Equal(0, exit);
        Assert.Contains("bound ip=10.211.0.100 mask=24 router=10.211.0.1 dns=10.211.0.1 serverid=10.211.0.1 lease=3600", network.Read("udhcpc.out"), StringComparison.Ordinal);
        Assert.Equal(network.ClientMac(), network.Store.Leases[IPAddress.Parse("10.211.0.100")].Mac);
    }

    [Fact]
    public async Task Udhcpc_renews_by_unicast_and_releases_and_the_address_goes_back_to_the_pool()
    {
        SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        string script = network.Write("udhcpc.sh", Script);

        using Process udhcpc = network.Client.Start(Busybox, "udhcpc", "-i", network.ClientLink, "-f", "-R", "-t", "5", "-T", "1", "-s", script);
        await Eventually.WaitAsync(() => network.Read("udhcpc.out").Contains("bound ip=10.211.0.100", StringComparison.Ordinal), "udhcpc to be bound to 10.211.0.100");
        Assert.Single(network.Store.Leases);
        DateTimeOffset firstEnd = network.Store.Leases.Values.Single().Ends;

        Signal(udhcpc, "USR1");
        await Eventually.WaitAsync(() => network.Read("udhcpc.out").Contains("renew ip=10.211.0.100", StringComparison.Ordinal), "udhcpc to renew 10.211.0.100 after SIGUSR1");
        await Eventually.WaitAsync(() => network.Store.Leases.Values.Single().Ends > firstEnd, "the stored lease to be extended by the renewal");

        Signal(udhcpc, "TERM");
        await Eventually.ExitAsync(udhcpc, "udhcpc -R to release and exit on SIGTERM");
        await Eventually.WaitAsync(() => network.Store.Leases.IsEmpty, "the released lease to leave the store");
    }

    [Fact]
    public async Task A_lease_survives_a_server_restart_and_the_client_gets_the_same_address_back()
    {
        SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        string script = network.Write("udhcpc.sh", Script);
        using (Process first = network.Client.Start(Busybox, "udhcpc", "-i", network.ClientLink, "-n", "-q", "-f", "-t", "5", "-T", "1", "-s", script))
        {
            Assert.Equal(0, await Eventually.ExitAsync(first, "the first udhcpc to obtain a lease"));
        }

        // Another client takes the next address; then the server restarts from the store.
        network.Store.Leases[IPAddress.Parse("10.211.0.101")] = network.Store.Leases[IPAddress.Parse("10.211.0.100")] with
        {
            Mac = Core.Hardware.MacAddress.Parse("02:00:00:00:00:01"),
            Address = IPAddress.Parse("10.211.0.101"),
        };
        await network.RestartServerAsync();
        network.Client.Run("ip", "addr", "flush", "dev", network.ClientLink);
        File.Delete(Path.Combine(network.Directory.FullName, "udhcpc.out"));

        using Process second = network.Client.Start(Busybox, "udhcpc", "-i", network.ClientLink, "-n", "-q", "-f", "-t", "5", "-T", "1", "-s", script);
        Assert.Equal(0, await Eventually.ExitAsync(second, "udhcpc to obtain a lease from the restarted server"));

        Assert.Contains("bound ip=10.211.0.100 ", network.Read("udhcpc.out"), StringComparison.Ordinal);
        Assert.Equal(2, network.Store.Leases.Count);
    }

    internal static void SkipUnlessAvailable()
    {
        if (NetworkNamespace.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!File.Exists(Busybox))
        {
            Assert.Skip("busybox-static is not installed (scripts/install-test-packages.sh installs it)");
        }
    }

    private static void Signal(Process process, string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
