using System.Collections.Concurrent;
using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ingot.Tests.Regions;

/// <summary>
/// Two regions' DHCP servers (each a <see cref="DhcpServer"/> with its own lease table and lease writer, over its
/// own <c>DhcpLeaseStore</c> and connection pool) on one PostgreSQL database, answering many clients at once from
/// one pool, with no sync between them, so both offer the same free addresses: the claims in the store decide,
/// no address is acknowledged to two clients, and every client ends with one stored lease. Then each client
/// renews at the other region, which acknowledges its address. Needs <c>INGOT_TEST_POSTGRES</c>.
/// </summary>
public sealed class DhcpLeaseRaceOnPostgresTests
{
    private const int Clients = 60;
    private const int Attempts = 20;

    private static readonly IPAddress s_serverA = IPAddress.Parse("10.40.0.1");
    private static readonly IPAddress s_serverB = IPAddress.Parse("10.40.0.2");
    private static readonly IPNetwork s_network = IPNetwork.Parse("10.40.0.0/24");

    private static readonly DhcpConfiguration s_configuration = new(
        [new DhcpSubnet(s_network, s_serverA, [s_serverA], "maas", [new AddressRange(IPAddress.Parse("10.40.0.10"), IPAddress.Parse("10.40.0.200"))], [], TimeSpan.FromMinutes(10))],
        []);

    [Fact]
    public async Task Two_regions_racing_for_one_pool_never_acknowledge_one_address_to_two_clients()
    {
        string? server = Environment.GetEnvironmentVariable("INGOT_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "INGOT_TEST_POSTGRES is not set; ./test.sh starts PostgreSQL (scripts/postgres.sh) and sets it.");
        CancellationToken ct = TestContext.Current.CancellationToken;
        string name = $"ingot_dhcp_race_{Guid.NewGuid():N}";
        await ExecuteAsync(server!, $"CREATE DATABASE {name}", ct);
        string database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await IngotDatabase.Open(database).MigrateAsync(ct);
            await using ServiceProvider regionA = new ServiceCollection().AddIngotData(database).BuildServiceProvider();
            await using ServiceProvider regionB = new ServiceCollection().AddIngotData(database).BuildServiceProvider();
            IDhcpLeaseStore storeA = regionA.GetRequiredService<IDhcpLeaseStore>();
            Assert.True(storeA.IsShared);
            var responder = new DhcpResponder(DhcpBootSettings.Default);
            using var a = new DhcpServer(new FixedDhcpConfigurationSource(s_configuration), storeA, responder, TimeProvider.System);
            using var b = new DhcpServer(new FixedDhcpConfigurationSource(s_configuration), regionB.GetRequiredService<IDhcpLeaseStore>(), responder, TimeProvider.System);
            var regions = new[] { (Server: a, Link: new DhcpInterface("eth0", s_serverA, s_network)), (Server: b, Link: new DhcpInterface("eth0", s_serverB, s_network)) };
            var acks = new ConcurrentBag<(MacAddress Mac, IPAddress Address)>();

            IPAddress[] leased = await Task.WhenAll(Enumerable.Range(1, Clients).Select(n => Task.Run(() => LeaseAsync(regions, Mac(n), n % 2, acks, ct), ct)));

            List<(MacAddress Mac, IPAddress Address)> given = [.. acks];
            Assert.Equal(Clients, given.Count);
            Assert.Equal(Clients, given.Select(g => g.Address).Distinct().Count());
            Assert.True(a.RefusedClaims + b.RefusedClaims > 0, "both regions start with empty tables and offer the same addresses, so some claims must lose");
            Dictionary<MacAddress, DhcpLease> stored = (await storeA.ListAsync(ct)).ToDictionary(l => l.Mac);
            Assert.Equal(Clients, stored.Count);
            Assert.All(Enumerable.Range(1, Clients), n => Assert.Equal(leased[n - 1], stored[Mac(n)].Address));

            // RENEWING/REBINDING at the region that did not give the lease: same address, acknowledged.
            foreach (int n in Enumerable.Range(1, Clients))
            {
                (DhcpServer other, DhcpInterface link) = regions[(n + 1) % 2];
                DhcpPacket renewing = Packet(Mac(n), DhcpMessageType.Request, n) with { ClientAddress = leased[n - 1] };
                DhcpPacket? ack = (await other.AnswerAsync(renewing, link, 67, ct)).Reply;
                Assert.Equal((DhcpMessageType.Ack, leased[n - 1]), (ack?.MessageType, ack?.YourAddress));
            }

            TestContext.Current.SendDiagnosticMessage($"{Clients} clients, claims refused: region A {a.RefusedClaims}, region B {b.RefusedClaims}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>DISCOVER and REQUEST at one region, the other after a NAK, until acknowledged (at most <see cref="Attempts"/> times).</summary>
    private static async Task<IPAddress> LeaseAsync((DhcpServer Server, DhcpInterface Link)[] regions, MacAddress mac, int first, ConcurrentBag<(MacAddress, IPAddress)> acks, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            (DhcpServer server, DhcpInterface link) = regions[(first + attempt) % 2];
            uint xid = (uint)((mac.GetHashCode() & 0xffff) << 8) + (uint)attempt;
            DhcpPacket? offer = (await server.AnswerAsync(Packet(mac, DhcpMessageType.Discover, xid), link, 67, ct)).Reply;
            if (offer is null)
            {
                continue;
            }

            DhcpPacket selecting = Packet(mac, DhcpMessageType.Request, xid,
                new DhcpOption(DhcpOptionCode.RequestedAddress, offer.YourAddress.GetAddressBytes()),
                new DhcpOption(DhcpOptionCode.ServerIdentifier, link.Address.GetAddressBytes()));
            DhcpPacket? answer = (await server.AnswerAsync(selecting, link, 67, ct)).Reply;
            if (answer?.MessageType == DhcpMessageType.Ack)
            {
                acks.Add((mac, answer.YourAddress));
                return answer.YourAddress;
            }
        }

        throw new InvalidOperationException($"{mac} got no lease in {Attempts} attempts");
    }

    private static MacAddress Mac(int n) => MacAddress.Parse($"52:54:00:40:{n / 256:x2}:{n % 256:x2}");

    private static DhcpPacket Packet(MacAddress mac, DhcpMessageType type, long xid, params DhcpOption[] options) => new()
    {
        TransactionId = (uint)xid,
        ClientHardwareAddress = [.. Convert.FromHexString(mac.ToString().Replace(":", "", StringComparison.Ordinal)), .. new byte[10]],
        Options = [new DhcpOption(DhcpOptionCode.MessageType, [(byte)type]), .. options],
    };

    private static async Task ExecuteAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
