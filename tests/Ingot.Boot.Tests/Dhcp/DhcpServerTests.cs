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
    public async Task An_ack_waits_until_its_lease_is_stored_and_leases_acknowledged_meanwhile_are_stored_in_one_write()
    {
        var store = new HeldStore();
        using var server = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), store, _s.Responder, _s.Time);
        var offers = new List<DhcpPacket>();
        for (int n = 1; n <= 4; n++)
        {
            offers.Add((await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(n), DhcpMessageType.Discover), _s.Link, 67, Ct)).Reply!);
        }

        DhcpPacket Selecting(int n) => DhcpScenario.Request(DhcpScenario.Mac(n), DhcpMessageType.Request, DhcpScenario.Requested(offers[n - 1].YourAddress.ToString()), DhcpScenario.ServerId(DhcpScenario.Server));
        Task<DhcpAnswer> first = server.AnswerAsync(Selecting(1), _s.Link, 67, Ct).AsTask();
        await store.Writing.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Task<DhcpAnswer>[] others = [.. Enumerable.Range(2, 3).Select(n => server.AnswerAsync(Selecting(n), _s.Link, 67, Ct).AsTask())];
        await Task.Delay(100, Ct);
        bool answeredBeforeStored = first.IsCompleted || others.Any(t => t.IsCompleted);

        store.Release.SetResult();
        DhcpAnswer[] answers = await Task.WhenAll([first, .. others]).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(answeredBeforeStored);
        Assert.All(answers, a => Assert.Equal(DhcpMessageType.Ack, a.Reply!.MessageType));
        Assert.Equal([1, 3], store.Batches);
        Assert.Equal(4, store.Leases.Count);
    }

    [Fact]
    public async Task A_request_resent_while_its_lease_is_being_stored_shares_that_write_and_both_copies_get_the_ack()
    {
        var store = new HeldStore();
        using var server = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), store, _s.Responder, _s.Time);
        DhcpPacket offer = (await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover), _s.Link, 67, Ct)).Reply!;
        DhcpPacket selecting = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested(offer.YourAddress.ToString()), DhcpScenario.ServerId(DhcpScenario.Server));

        Task<DhcpAnswer> first = server.AnswerAsync(selecting, _s.Link, 67, Ct).AsTask();
        await store.Writing.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _s.Time.Advance(TimeSpan.FromSeconds(4));
        Task<DhcpAnswer> resent = server.AnswerAsync(selecting with { Seconds = 4 }, _s.Link, 67, Ct).AsTask();
        store.Release.SetResult();
        DhcpAnswer[] answers = await Task.WhenAll(first, resent).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.All(answers, a => Assert.Equal(DhcpMessageType.Ack, a.Reply!.MessageType));
        Assert.All(answers, a => Assert.Equal(offer.YourAddress, a.Reply!.YourAddress));
        Assert.Equal([1], store.Batches);
        Assert.Equal(1, server.SharedWrites);
    }

    [Fact]
    public async Task A_request_with_a_new_xid_after_its_lease_was_stored_is_stored_again()
    {
        var store = new HeldStore();
        store.Release.SetResult();
        using var server = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), store, _s.Responder, _s.Time);
        DhcpPacket offer = (await server.AnswerAsync(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover), _s.Link, 67, Ct)).Reply!;
        DhcpPacket selecting = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request, DhcpScenario.Requested(offer.YourAddress.ToString()), DhcpScenario.ServerId(DhcpScenario.Server));

        await server.AnswerAsync(selecting, _s.Link, 67, Ct);
        await server.AnswerAsync(selecting with { TransactionId = 0x9999 }, _s.Link, 67, Ct);

        Assert.Equal([1, 1], store.Batches);
        Assert.Equal(0, server.SharedWrites);
    }

    [Fact]
    public async Task A_failed_lease_write_sends_no_ack()
    {
        var store = new HeldStore { Fail = true };
        store.Release.SetResult();
        using var server = new DhcpServer(new FixedDhcpConfigurationSource(_s.Config), store, _s.Responder, _s.Time);

        await Assert.ThrowsAsync<IOException>(() => LeaseAsync(server, DhcpScenario.Mac(1)));
        Assert.Empty(store.Leases);
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

    /// <summary>A lease store whose first write waits for <see cref="Release"/>; it records the size of every write.</summary>
    private sealed class HeldStore : IDhcpLeaseStore
    {
        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Fail { get; init; }

        public List<int> Batches { get; } = [];

        public Dictionary<IPAddress, DhcpLease> Leases { get; } = [];

        public Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DhcpLease>>([.. Leases.Values]);

        public Task SaveAsync(DhcpLease lease, CancellationToken ct) => throw new InvalidOperationException("the server writes in batches");

        public Task RemoveAsync(IPAddress address, CancellationToken ct) => throw new InvalidOperationException("the server writes in batches");

        public async Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
        {
            Writing.TrySetResult();
            await Release.Task;
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Batches.Add(writes.Count);
            foreach (DhcpLeaseWrite write in writes)
            {
                Leases[write.Address] = write.Lease!;
            }
        }
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
