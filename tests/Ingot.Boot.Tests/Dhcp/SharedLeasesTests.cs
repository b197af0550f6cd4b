using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// Two regions (two <see cref="DhcpServer"/>s, each with its own lease table and its own address on the
/// VLAN) on one shared lease store that claims addresses compare-and-set, as <c>DhcpLeaseStore</c> does on
/// PostgreSQL. The PostgreSQL store itself and real clients are tested in Ingot.Data.Tests and Ingot.Tests.
/// </summary>
public sealed class SharedLeasesTests : IDisposable
{
    private static readonly IPAddress s_serverB = IPAddress.Parse("10.0.0.3");

    private readonly DhcpScenario _s = new();
    private readonly MemoryLeaseStore _store = new() { IsShared = true };
    private readonly DhcpServer _a;
    private readonly DhcpServer _b;
    private readonly DhcpInterface _linkB;

    public SharedLeasesTests()
    {
        _a = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), _store, _s.Responder, _s.Time);
        _b = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), _store, _s.Responder, _s.Time);
        _linkB = _s.Link with { Address = s_serverB };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_regions_that_offered_one_address_to_two_clients_ack_the_first_claim_and_nak_the_second_which_is_then_offered_another()
    {
        MacAddress one = DhcpScenario.Mac(1);
        MacAddress two = DhcpScenario.Mac(2);
        DhcpPacket offerA = await AnswerAsync(_a, _s.Link, DhcpScenario.Request(one, DhcpMessageType.Discover));
        DhcpPacket offerB = await AnswerAsync(_b, _linkB, DhcpScenario.Request(two, DhcpMessageType.Discover));
        Assert.Equal(offerA.YourAddress, offerB.YourAddress);

        DhcpPacket ack = await AnswerAsync(_a, _s.Link, Selecting(one, offerA, DhcpScenario.Server));
        DhcpPacket nak = await AnswerAsync(_b, _linkB, Selecting(two, offerB, s_serverB));
        DhcpPacket next = await AnswerAsync(_b, _linkB, DhcpScenario.Request(two, DhcpMessageType.Discover));

        Assert.Equal((DhcpMessageType.Ack, offerA.YourAddress), (ack.MessageType, ack.YourAddress));
        Assert.Equal(DhcpMessageType.Nak, nak.MessageType);
        Assert.Equal(1, _b.RefusedClaims);
        Assert.NotEqual(offerA.YourAddress, next.YourAddress);
        Assert.Equal(one, _store.Leases[offerA.YourAddress].Mac);
        Assert.Single(_store.Leases);
    }

    [Fact]
    public async Task After_a_sync_the_other_region_offers_a_client_its_address_and_keeps_it_from_other_clients()
    {
        MacAddress one = DhcpScenario.Mac(1);
        DhcpPacket leased = await LeaseAsync(_a, _s.Link, one, DhcpScenario.Server);

        Assert.Equal(1, await _b.SyncAsync(Ct));
        Assert.Equal(0, await _b.SyncAsync(Ct));
        DhcpPacket again = await AnswerAsync(_b, _linkB, DhcpScenario.Request(one, DhcpMessageType.Discover));
        DhcpPacket other = await AnswerAsync(_b, _linkB, DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover));

        Assert.Equal(leased.YourAddress, again.YourAddress);
        Assert.NotEqual(leased.YourAddress, other.YourAddress);
    }

    [Fact]
    public async Task When_the_region_that_gave_a_lease_is_gone_the_other_acks_the_clients_rebinding_and_the_stored_lease_is_extended()
    {
        MacAddress one = DhcpScenario.Mac(1);
        DhcpPacket leased = await LeaseAsync(_a, _s.Link, one, DhcpScenario.Server);
        DateTimeOffset firstEnd = _store.Leases[leased.YourAddress].Ends;
        _a.Dispose();

        // REBINDING (RFC 2131 §4.4.5): broadcast, ciaddr set, no server identifier, no option 50; region B never synced.
        _s.Time.Advance(TimeSpan.FromMinutes(50));
        DhcpPacket ack = await AnswerAsync(_b, _linkB, DhcpScenario.Request(one, DhcpMessageType.Request) with { ClientAddress = leased.YourAddress });

        Assert.Equal((DhcpMessageType.Ack, leased.YourAddress, s_serverB), (ack.MessageType, ack.YourAddress, ack.ServerIdentifier));
        DhcpLease stored = Assert.Single(_store.Leases.Values);
        Assert.Equal(one, stored.Mac);
        Assert.True(stored.Ends > firstEnd, $"the lease should end after {firstEnd}, ends {stored.Ends}");
    }

    [Fact]
    public async Task A_client_that_moves_to_another_address_at_the_other_region_holds_only_the_new_one_in_the_store()
    {
        MacAddress one = DhcpScenario.Mac(1);
        DhcpPacket first = await LeaseAsync(_a, _s.Link, one, DhcpScenario.Server);

        // Region B never saw the lease (no sync) and the client asks it for another free address (INIT-REBOOT with option 50).
        IPAddress wanted = IPAddress.Parse("10.0.0.109");
        DhcpPacket ack = await AnswerAsync(_b, _linkB, DhcpScenario.Request(one, DhcpMessageType.Request, DhcpScenario.Requested(wanted.ToString())));

        Assert.Equal((DhcpMessageType.Ack, wanted), (ack.MessageType, ack.YourAddress));
        Assert.NotEqual(first.YourAddress, wanted);
        Assert.Equal([wanted], _store.Leases.Keys);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static DhcpPacket Selecting(MacAddress mac, DhcpPacket offer, IPAddress server) =>
        DhcpScenario.Request(mac, DhcpMessageType.Request, DhcpScenario.Requested(offer.YourAddress.ToString()), DhcpScenario.ServerId(server));

    private static async Task<DhcpPacket> LeaseAsync(DhcpServer server, DhcpInterface link, MacAddress mac, IPAddress address)
    {
        DhcpPacket offer = await AnswerAsync(server, link, DhcpScenario.Request(mac, DhcpMessageType.Discover));
        DhcpPacket ack = await AnswerAsync(server, link, Selecting(mac, offer, address));
        Assert.Equal(DhcpMessageType.Ack, ack.MessageType);
        return ack;
    }

    private static async Task<DhcpPacket> AnswerAsync(DhcpServer server, DhcpInterface link, DhcpPacket request) =>
        (await server.AnswerAsync(request, link, 67, Ct)).Reply ?? throw new InvalidOperationException($"no answer to {request.MessageType}");
}
