using CsCheck;
using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

public sealed class TftpTransferTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<TftpSend> _outbox = [];

    private static byte[] Ack(long block) => [0, 4, (byte)((ushort)block >> 8), (byte)block];

    private static TftpSettings Settings(int blockSize = 512, int window = 1, int retries = 3) =>
        new(blockSize, TimeSpan.FromSeconds(2), window, retries);

    private long[] Sent()
    {
        long[] blocks = [.. _outbox.Select(s => s.Kind == TftpSendKind.Data ? s.Block : -1)];
        _outbox.Clear();
        return blocks;
    }

    [Fact]
    public void Lock_step_sends_each_block_after_the_ack_of_the_one_before()
    {
        var transfer = new TftpTransfer(new byte[1000], Settings(), []);

        transfer.Start(_time.GetUtcNow(), _outbox);
        Assert.Equal([1], Sent());
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        Assert.Equal([2], Sent());
        transfer.Receive(Ack(2), _time.GetUtcNow(), _outbox);
        Assert.Empty(Sent());
        Assert.Equal(TftpTransferState.Complete, transfer.State);
    }

    [Fact]
    public void A_file_that_fills_its_last_block_ends_with_an_empty_block()
    {
        var transfer = new TftpTransfer(new byte[1024], Settings(), []);
        var packet = new byte[600];

        transfer.Start(_time.GetUtcNow(), _outbox);
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        _outbox.Clear();
        transfer.Receive(Ack(2), _time.GetUtcNow(), _outbox);

        TftpSend last = Assert.Single(_outbox);
        Assert.Equal(3, last.Block);
        Assert.Equal(4, transfer.Render(last, packet));
        Assert.Equal(TftpTransferState.Sending, transfer.State);
    }

    [Fact]
    public void With_options_the_oack_goes_first_and_data_starts_after_ack_zero()
    {
        var transfer = new TftpTransfer(new byte[100], Settings(blockSize: 1468), ["blksize", "1468"]);
        var packet = new byte[1500];

        transfer.Start(_time.GetUtcNow(), _outbox);
        TftpSend oack = Assert.Single(_outbox);
        Assert.Equal(TftpSendKind.OptionAck, oack.Kind);
        Assert.Equal([0, 6, .. "blksize\01468\0"u8.ToArray()], packet[..transfer.Render(oack, packet)]);
        _outbox.Clear();

        transfer.Receive(Ack(0), _time.GetUtcNow(), _outbox);
        Assert.Equal([1], Sent());
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        Assert.Equal(TftpTransferState.Complete, transfer.State);
    }

    [Fact]
    public void Duplicate_acks_send_nothing_so_there_is_no_sorcerers_apprentice()
    {
        var transfer = new TftpTransfer(new byte[5000], Settings(), []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        Assert.Equal([1], Sent());
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        Assert.Equal([2], Sent());

        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);

        Assert.Empty(Sent());
        Assert.Equal(2, transfer.IgnoredAcks);
    }

    [Fact]
    public void An_ack_for_a_block_not_yet_sent_is_ignored()
    {
        var transfer = new TftpTransfer(new byte[5000], Settings(), []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        Sent();

        transfer.Receive(Ack(5), _time.GetUtcNow(), _outbox);

        Assert.Empty(Sent());
        Assert.Equal(TftpTransferState.Sending, transfer.State);
    }

    [Fact]
    public void A_timeout_resends_the_window_and_too_many_fail_the_transfer_with_an_error()
    {
        var transfer = new TftpTransfer(new byte[5000], Settings(window: 4, retries: 2), []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        Assert.Equal([1, 2, 3, 4], Sent());

        _time.Advance(TimeSpan.FromSeconds(1));
        transfer.Tick(_time.GetUtcNow(), _outbox);
        Assert.Empty(Sent());

        _time.Advance(TimeSpan.FromSeconds(1));
        transfer.Tick(_time.GetUtcNow(), _outbox);
        Assert.Equal([1, 2, 3, 4], Sent());
        _time.Advance(TimeSpan.FromSeconds(2));
        transfer.Tick(_time.GetUtcNow(), _outbox);
        Assert.Empty(Sent()); // the second wait is doubled: 4 s
        _time.Advance(TimeSpan.FromSeconds(2));
        transfer.Tick(_time.GetUtcNow(), _outbox);
        Assert.Equal([1, 2, 3, 4], Sent());
        _time.Advance(TimeSpan.FromSeconds(8));
        transfer.Tick(_time.GetUtcNow(), _outbox);

        Assert.Equal(TftpSendKind.Error, Assert.Single(_outbox).Kind);
        Assert.Equal(TftpTransferState.Failed, transfer.State);
        Assert.Equal(2, transfer.Retransmissions);
    }

    [Fact]
    public void The_wait_between_resends_doubles_up_to_the_backoff_limit()
    {
        var transfer = new TftpTransfer(new byte[5000], TftpSettings.Default with { MaxRetries = 10 }, []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        _outbox.Clear();
        var resentAt = new List<int>();
        for (int second = 1; second <= 40; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            transfer.Tick(_time.GetUtcNow(), _outbox);
            if (Sent().Length > 0)
            {
                resentAt.Add(second);
            }
        }

        Assert.Equal([1, 3, 7, 15, 23, 31, 39], resentAt);
    }

    [Fact]
    public void A_client_silent_for_twenty_seconds_with_the_default_settings_still_gets_the_whole_file()
    {
        // The storm's failure shape: a starved client's ACK arrives after several seconds. With a
        // fixed 1 s × 5 retries the server gave up after 6 s ("transfer of ipxe.efi failed").
        var transfer = new TftpTransfer(new byte[1500], TftpSettings.Default, []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        _outbox.Clear();
        for (int second = 1; second <= 20; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            transfer.Tick(_time.GetUtcNow(), _outbox);
        }

        _outbox.Clear();
        Assert.Equal(TftpTransferState.Sending, transfer.State);
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        Assert.Equal([2], Sent());
        transfer.Receive(Ack(2), _time.GetUtcNow(), _outbox);
        Assert.Equal([3], Sent());
        transfer.Receive(Ack(3), _time.GetUtcNow(), _outbox);

        Assert.Equal(TftpTransferState.Complete, transfer.State);
    }

    [Fact]
    public void An_ack_resets_the_retry_count()
    {
        var transfer = new TftpTransfer(new byte[5000], Settings(retries: 1), []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        _time.Advance(TimeSpan.FromSeconds(2));
        transfer.Tick(_time.GetUtcNow(), _outbox);
        transfer.Receive(Ack(1), _time.GetUtcNow(), _outbox);
        _time.Advance(TimeSpan.FromSeconds(2));
        transfer.Tick(_time.GetUtcNow(), _outbox);

        Assert.Equal(TftpTransferState.Sending, transfer.State);
    }

    [Fact]
    public void Windowsize_sends_a_window_and_a_mid_window_ack_restarts_after_the_acked_block()
    {
        var transfer = new TftpTransfer(new byte[512 * 10], Settings(window: 4), []);
        transfer.Start(_time.GetUtcNow(), _outbox);
        Assert.Equal([1, 2, 3, 4], Sent());

        transfer.Receive(Ack(4), _time.GetUtcNow(), _outbox);
        Assert.Equal([5, 6, 7, 8], Sent());
        transfer.Receive(Ack(6), _time.GetUtcNow(), _outbox);
        Assert.Equal([7, 8, 9, 10], Sent());
        transfer.Receive(Ack(10), _time.GetUtcNow(), _outbox);
        Assert.Equal([11], Sent());
        transfer.Receive(Ack(11), _time.GetUtcNow(), _outbox);
        Assert.Equal(TftpTransferState.Complete, transfer.State);
    }

    [Fact]
    public void Block_numbers_roll_over_past_65535()
    {
        var transfer = new TftpTransfer(new byte[8 * 70_000], Settings(blockSize: 8, window: 16), []);
        var packet = new byte[16];
        transfer.Start(_time.GetUtcNow(), _outbox);
        long acked = 0;
        while (transfer.State == TftpTransferState.Sending)
        {
            acked = _outbox[^1].Block;
            _outbox.Clear();
            transfer.Receive(Ack(acked), _time.GetUtcNow(), _outbox);
        }

        Assert.Equal(TftpTransferState.Complete, transfer.State);
        Assert.Equal(70_001, acked);
        transfer.Render(new TftpSend(TftpSendKind.Data, 65_537), packet);
        Assert.Equal(new byte[] { 0, 3, 0, 1 }, packet[..4]);
    }

    [Fact]
    public void An_error_from_the_client_ends_the_transfer()
    {
        var transfer = new TftpTransfer(new byte[5000], Settings(), []);
        transfer.Start(_time.GetUtcNow(), _outbox);

        transfer.Receive(TftpPacket.Error(TftpErrorCode.NotDefined, "cancelled"), _time.GetUtcNow(), _outbox);

        Assert.Equal(TftpTransferState.Failed, transfer.State);
    }

    [Fact]
    public void Random_datagrams_never_throw_and_complete_only_with_the_last_ack()
    {
        Gen.Byte.Array[0, 20].Array[1, 30].Sample(datagrams =>
        {
            var transfer = new TftpTransfer(new byte[512 * 100], Settings(window: 8), []);
            var outbox = new List<TftpSend>();
            transfer.Start(DateTimeOffset.UnixEpoch, outbox);
            foreach (byte[] d in datagrams)
            {
                transfer.Receive(d, DateTimeOffset.UnixEpoch, outbox);
            }

            Assert.True(transfer.State != TftpTransferState.Complete || datagrams.Any(d => d.AsSpan().SequenceEqual(Ack(101))));
        }, iter: 5_000);
    }
}
