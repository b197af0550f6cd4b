using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class DhcpResponderTests
{
    private readonly DhcpScenario _s = new();

    [Fact]
    public void A_discover_gets_an_offer_of_the_first_free_dynamic_address_with_the_subnet_options()
    {
        DhcpAnswer answer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover));

        DhcpPacket offer = Assert.IsType<DhcpPacket>(answer.Reply);
        Assert.Equal(DhcpMessageType.Offer, offer.MessageType);
        Assert.Equal(DhcpPacket.BootReply, offer.Operation);
        Assert.Equal(0x1234u, offer.TransactionId);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), offer.YourAddress);
        Assert.Equal(DhcpScenario.Server, offer.ServerIdentifier);
        Assert.Equal(new byte[] { 0, 0, 0x0e, 0x10 }, offer.Find(DhcpOptionCode.LeaseTime));
        Assert.Equal(new byte[] { 0, 0, 0x07, 0x08 }, offer.Find(DhcpOptionCode.RenewalTime));
        Assert.Equal(new byte[] { 0, 0, 0x0c, 0x4e }, offer.Find(DhcpOptionCode.RebindingTime));
        Assert.Equal(new byte[] { 255, 255, 255, 0 }, offer.Find(DhcpOptionCode.SubnetMask));
        Assert.Equal(new byte[] { 10, 0, 0, 1 }, offer.Find(DhcpOptionCode.Router));
        Assert.Equal(new byte[] { 10, 0, 0, 2 }, offer.Find(DhcpOptionCode.DomainNameServer));
        Assert.Equal("maas"u8.ToArray(), offer.Find(DhcpOptionCode.DomainName));
        Assert.Equal(DhcpLeaseChangeKind.Offer, answer.Change!.Kind);
        Assert.Null(offer.Find(DhcpOptionCode.BootFileName));
    }

    [Fact]
    public void Two_clients_are_offered_different_addresses_and_reserved_ones_are_skipped()
    {
        IPAddress[] offered = [.. Enumerable.Range(1, 4).Select(i => _s.Send(DhcpScenario.Request(DhcpScenario.Mac(i), DhcpMessageType.Discover)).Reply!.YourAddress)];

        Assert.Equal(["10.0.0.100", "10.0.0.101", "10.0.0.104", "10.0.0.105"], offered.Select(a => a.ToString()));
    }

    [Fact]
    public void A_fixed_host_gets_its_own_address_and_hostname_even_outside_the_dynamic_range()
    {
        DhcpPacket ack = _s.Lease(DhcpScenario.FixedMac);

        Assert.Equal(DhcpMessageType.Ack, ack.MessageType);
        Assert.Equal(DhcpScenario.FixedAddress, ack.YourAddress);
        Assert.Equal("fixed-node"u8.ToArray(), ack.Find(DhcpOptionCode.HostName));
    }

    [Fact]
    public void A_fixed_hosts_address_is_never_given_to_another_client_even_when_asked_for()
    {
        _s.Config = _s.Config with { Hosts = [new DhcpHost(DhcpScenario.FixedMac, IPAddress.Parse("10.0.0.100"), "f")] };

        DhcpPacket offer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover, DhcpScenario.Requested("10.0.0.100"))).Reply!;

        Assert.Equal(IPAddress.Parse("10.0.0.101"), offer.YourAddress);
    }

    [Fact]
    public void A_client_with_a_lease_is_offered_its_address_again_even_after_it_expired()
    {
        _s.Lease(DhcpScenario.Mac(1));
        DhcpPacket second = _s.Lease(DhcpScenario.Mac(2));
        _s.Time.Advance(TimeSpan.FromHours(3));

        DhcpPacket offer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover)).Reply!;

        Assert.Equal(second.YourAddress, offer.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.101"), offer.YourAddress);
    }

    [Fact]
    public void A_requested_free_dynamic_address_is_offered_but_a_reserved_or_foreign_one_is_not()
    {
        DhcpPacket free = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover, DhcpScenario.Requested("10.0.0.108"))).Reply!;
        DhcpPacket reserved = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover, DhcpScenario.Requested("10.0.0.102"))).Reply!;
        DhcpPacket foreign = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover, DhcpScenario.Requested("192.168.1.5"))).Reply!;

        Assert.Equal(IPAddress.Parse("10.0.0.108"), free.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), reserved.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.101"), foreign.YourAddress);
    }

    [Fact]
    public void A_request_selecting_our_offer_is_acknowledged_and_binds_the_lease_for_the_subnets_lease_time()
    {
        DhcpAnswer offer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover));

        DhcpAnswer ack = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested("10.0.0.100"), DhcpScenario.ServerId(DhcpScenario.Server)));

        Assert.Equal(DhcpMessageType.Ack, ack.Reply!.MessageType);
        Assert.Equal(offer.Reply!.YourAddress, ack.Reply.YourAddress);
        Assert.Equal(DhcpLeaseChangeKind.Bind, ack.Change!.Kind);
        Assert.Equal(_s.Time.GetUtcNow().AddHours(1), ack.Change.Lease.Ends);
        Assert.True(_s.Leases.IsBoundTo(DhcpScenario.Mac(1), IPAddress.Parse("10.0.0.100")));
    }

    [Fact]
    public void A_request_selecting_another_servers_offer_gets_no_reply_and_frees_our_offer()
    {
        _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover));

        DhcpAnswer answer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested("10.0.0.100"), DhcpScenario.ServerId(IPAddress.Parse("10.0.0.254"))));
        DhcpPacket next = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover)).Reply!;

        Assert.Null(answer.Reply);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), next.YourAddress);
    }

    [Fact]
    public void An_init_reboot_request_for_another_network_or_another_clients_address_is_refused_with_a_nak()
    {
        _s.Lease(DhcpScenario.Mac(1));

        DhcpAnswer moved = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Request, DhcpScenario.Requested("192.168.1.5")));
        DhcpAnswer stolen = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Request, DhcpScenario.Requested("10.0.0.100")));

        Assert.Equal(DhcpMessageType.Nak, moved.Reply!.MessageType);
        Assert.Equal(IPAddress.Any, moved.Reply.YourAddress);
        Assert.Equal(DhcpMessageType.Nak, stolen.Reply!.MessageType);
        Assert.Null(stolen.Change);
    }

    [Fact]
    public void An_init_reboot_request_for_the_clients_own_address_is_acknowledged()
    {
        _s.Lease(DhcpScenario.Mac(1));

        DhcpAnswer again = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested("10.0.0.100")));

        Assert.Equal((DhcpMessageType.Ack, IPAddress.Parse("10.0.0.100")), (again.Reply!.MessageType, again.Reply.YourAddress));
    }

    [Fact]
    public void A_renewing_request_from_ciaddr_extends_the_lease_and_keeps_ciaddr_in_the_reply()
    {
        _s.Lease(DhcpScenario.Mac(1));
        _s.Time.Advance(TimeSpan.FromMinutes(30));

        DhcpAnswer renew = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request) with { ClientAddress = IPAddress.Parse("10.0.0.100") });

        Assert.Equal(DhcpMessageType.Ack, renew.Reply!.MessageType);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), renew.Reply.ClientAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), renew.Reply.YourAddress);
        Assert.Equal(_s.Time.GetUtcNow().AddHours(1), renew.Change!.Lease.Ends);
    }

    [Fact]
    public void A_request_naming_no_address_at_all_is_dropped()
    {
        Assert.Null(_s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request)).Reply);
    }

    [Fact]
    public void A_release_frees_the_address_for_the_next_client_but_only_from_its_holder()
    {
        _s.Lease(DhcpScenario.Mac(1));

        DhcpAnswer impostor = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Release) with { ClientAddress = IPAddress.Parse("10.0.0.100") });
        DhcpAnswer release = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Release, DhcpScenario.ServerId(DhcpScenario.Server)) with { ClientAddress = IPAddress.Parse("10.0.0.100") });
        DhcpPacket next = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover)).Reply!;

        Assert.Null(impostor.Change);
        Assert.Equal(DhcpLeaseChangeKind.Release, release.Change!.Kind);
        Assert.Null(release.Reply);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), next.YourAddress);
    }

    [Fact]
    public void A_declined_address_is_not_offered_again_until_the_decline_hold_is_over()
    {
        _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover));

        DhcpAnswer decline = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Decline, DhcpScenario.Requested("10.0.0.100"), DhcpScenario.ServerId(DhcpScenario.Server)));
        DhcpPacket during = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover)).Reply!;
        _s.Time.Advance(DhcpLeaseTable.DeclineHold + TimeSpan.FromSeconds(1));
        DhcpPacket after = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover)).Reply!;

        Assert.Null(decline.Reply);
        Assert.Equal(DhcpLeaseChangeKind.Decline, decline.Change!.Kind);
        Assert.Equal(IPAddress.Parse("10.0.0.101"), during.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), after.YourAddress);
    }

    [Fact]
    public void An_address_whose_offer_ran_out_is_the_first_offered_again_after_the_search_has_moved_past_it()
    {
        DhcpPacket first = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover)).Reply!;
        _s.Time.Advance(TimeSpan.FromSeconds(30));
        DhcpPacket second = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover)).Reply!;
        _s.Time.Advance(DhcpLeaseTable.OfferHold - TimeSpan.FromSeconds(29));
        DhcpPacket third = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover)).Reply!;

        Assert.Equal(["10.0.0.100", "10.0.0.101", "10.0.0.100"], new[] { first, second, third }.Select(p => p.YourAddress.ToString()));
    }

    [Fact]
    public void A_new_configuration_that_frees_an_address_the_search_moved_past_gets_it_handed_out()
    {
        _s.Config = _s.Config with { Hosts = [.. _s.Config.Hosts, new DhcpHost(DhcpScenario.FixedMac, IPAddress.Parse("10.0.0.100"), "f")] };
        DhcpPacket before = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover)).Reply!;

        _s.Config = _s.Config with { Hosts = [.. _s.Config.Hosts.Where(h => h.Mac != DhcpScenario.FixedMac)] };
        _s.Leases.ForgetScans();
        DhcpPacket after = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover)).Reply!;

        Assert.Equal(IPAddress.Parse("10.0.0.101"), before.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.100"), after.YourAddress);
    }

    [Fact]
    public void An_inform_gets_configuration_without_an_address_or_a_lease_time()
    {
        DhcpAnswer answer = _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Inform) with { ClientAddress = IPAddress.Parse("10.0.0.7") });

        Assert.Equal(DhcpMessageType.Ack, answer.Reply!.MessageType);
        Assert.Equal(IPAddress.Any, answer.Reply.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.7"), answer.Reply.ClientAddress);
        Assert.Null(answer.Reply.Find(DhcpOptionCode.LeaseTime));
        Assert.NotNull(answer.Reply.Find(DhcpOptionCode.Router));
        Assert.Null(answer.Change);
    }

    [Fact]
    public void A_relayed_discover_is_served_from_the_subnet_of_giaddr_and_option_82_is_echoed()
    {
        byte[] agent = [1, 4, .. "eth3"u8, 2, 2, 0xbe, 0xef];
        DhcpPacket request = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover, new DhcpOption(DhcpOptionCode.RelayAgentInformation, agent))
            with
        { RelayAddress = IPAddress.Parse("10.9.0.1"), Hops = 1 };

        DhcpPacket offer = _s.Send(request).Reply!;

        Assert.Equal(IPAddress.Parse("10.9.0.10"), offer.YourAddress);
        Assert.Equal(IPAddress.Parse("10.9.0.1"), offer.RelayAddress);
        Assert.Equal(agent, offer.RelayAgentInformation);
        Assert.Equal(new byte[] { 0, 0, 2, 0x58 }, offer.Find(DhcpOptionCode.LeaseTime));
        Assert.Equal(DhcpOptionCode.RelayAgentInformation, offer.Options[^1].Code);
    }

    [Fact]
    public void A_relayed_nak_asks_the_relay_to_broadcast()
    {
        DhcpPacket request = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested("10.0.0.100")) with { RelayAddress = IPAddress.Parse("10.9.0.1") };

        DhcpPacket nak = _s.Send(request).Reply!;

        Assert.Equal(DhcpMessageType.Nak, nak.MessageType);
        Assert.True(nak.Broadcast);
    }

    [Fact]
    public void Requests_from_a_relay_on_an_unknown_subnet_or_with_no_message_type_or_when_the_pool_is_full_are_dropped()
    {
        DhcpPacket unknown = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover) with { RelayAddress = IPAddress.Parse("172.16.0.1") };
        DhcpPacket bootp = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover) with { Options = [] };
        _s.Config = _s.Config with { Subnets = [_s.Config.Subnets[0] with { DynamicRanges = [new AddressRange(IPAddress.Parse("10.0.0.100"), IPAddress.Parse("10.0.0.100"))] }] };
        _s.Lease(DhcpScenario.Mac(2));

        Assert.Null(_s.Send(unknown).Reply);
        Assert.Null(_s.Send(bootp).Reply);
        Assert.Null(_s.Send(DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover)).Reply);
    }

    [Fact]
    public void A_request_on_an_interface_whose_network_is_not_served_is_dropped()
    {
        _s.Config = DhcpConfiguration.Empty;

        Assert.Contains("no subnet", _s.Send(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover)).Reason, StringComparison.Ordinal);
    }
}
