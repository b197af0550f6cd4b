using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class DhcpServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DhcpScenario _s = new();
    private readonly MemoryLeaseStore _store = new();

    [Fact]
    public async Task An_acknowledged_lease_is_stored_and_a_restarted_server_gives_the_client_the_same_address()
    {
        using (DhcpServer first = NewServer())
        {
            await LeaseAsync(first, DhcpScenario.Mac(1));
            await LeaseAsync(first, DhcpScenario.Mac(2));
        }

        using DhcpServer restarted = NewServer();
        int loaded = await restarted.LoadAsync(Ct);
        DhcpAnswer other = await restarted.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(3), DhcpMessageType.Discover), _s.Link, 67, Ct);
        DhcpAnswer again = await restarted.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover), _s.Link, 67, Ct);

        Assert.Equal(2, loaded);
        Assert.Equal(IPAddress.Parse("10.0.0.104"), other.Reply!.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.101"), again.Reply!.YourAddress);
    }

    [Fact]
    public async Task An_offer_is_not_stored_and_a_release_removes_the_stored_lease()
    {
        using DhcpServer server = NewServer();
        await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover), _s.Link, 67, Ct);
        Assert.Empty(_store.Leases);

        await LeaseAsync(server, DhcpScenario.Mac(1));
        Assert.Single(_store.Leases);
        await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Release) with { ClientAddress = IPAddress.Parse("10.0.0.100") }, _s.Link, 67, Ct);

        Assert.Empty(_store.Leases);
    }

    [Fact]
    public async Task A_new_configuration_version_is_fetched_before_the_next_answer()
    {
        var source = new ChangingSource(_s.Config);
        using var server = new DhcpServer(source, _store, _s.Responder, _s.Time);
        DhcpAnswer before = await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover), _s.Link, 67, Ct);

        source.Set(DhcpConfiguration.Empty);
        DhcpAnswer after = await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(2), DhcpMessageType.Discover), _s.Link, 67, Ct);

        Assert.NotNull(before.Reply);
        Assert.Null(after.Reply);
    }

    private DhcpServer NewServer() => new(new FixedDhcpConfigurationSource(_s.Config), _store, _s.Responder, _s.Time);

    private async Task LeaseAsync(DhcpServer server, Core.Hardware.MacAddress mac)
    {
        DhcpPacket offer = (await server.AnswerAsync(DhcpScenario.Request(mac, DhcpMessageType.Discover), _s.Link, 67, Ct)).Reply!;
        DhcpPacket request = DhcpScenario.Request(mac, DhcpMessageType.Request, DhcpScenario.Requested(offer.YourAddress.ToString()), DhcpScenario.ServerId(DhcpScenario.Server));
        Assert.Equal(DhcpMessageType.Ack, (await server.AnswerAsync(request, _s.Link, 67, Ct)).Reply!.MessageType);
    }

    private sealed class ChangingSource(DhcpConfiguration configuration) : IDhcpConfigurationSource
    {
        private DhcpConfiguration _configuration = configuration;

        public long Version { get; private set; } = 1;

        public void Set(DhcpConfiguration configuration)
        {
            _configuration = configuration;
            Version++;
        }

        public Task<DhcpConfiguration> GetAsync(CancellationToken ct) => Task.FromResult(_configuration);
    }
}
