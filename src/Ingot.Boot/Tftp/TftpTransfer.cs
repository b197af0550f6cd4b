namespace Ingot.Boot.Tftp;

/// <summary>
/// One read transfer as a pure state machine: datagrams and clock ticks in, <see cref="TftpSend"/>s out.
/// It sends a window of <see cref="TftpSettings.WindowSize"/> blocks (RFC 7440; 1 is RFC 1350's
/// lock-step) and waits for an ACK. An ACK for block n acknowledges every block up to n and starts the
/// next window at n+1, even in the middle of a window (the client saw a gap). A duplicate or stale ACK
/// changes nothing and sends nothing, which is what prevents the sorcerer's apprentice syndrome
/// (RFC 1123 §4.2.3.1): only the timer resends. At <see cref="Deadline"/> the unacknowledged window
/// (or the OACK) is resent, up to <see cref="TftpSettings.MaxRetries"/> times, then the transfer fails.
/// The timeout is adaptive (RFC 1123 §4.2.3.2): it doubles with each resend of the same window, up to
/// <see cref="BackoffLimit"/> times <see cref="TftpSettings.Timeout"/>, and an ACK that moves the
/// window on starts it again. A client slowed down for a few seconds (a firmware's TFTP under load
/// waits 4 s and resends its ACK up to 6 times) thus still finishes, instead of the server giving up
/// after a fixed 1 s × 5.
/// The file ends with the first block shorter than the block size (empty if the size divides evenly).
/// </summary>
public sealed class TftpTransfer
{
    private readonly ReadOnlyMemory<byte> _content;
    private readonly byte[]? _optionAck;
    private readonly long _lastBlock;
    private long _acked;
    private long _sent;
    private int _retries;

    /// <summary>The longest wait between resends, as a multiple of the negotiated timeout.</summary>
    public const int BackoffLimit = 8;

    /// <param name="content">The whole file.</param>
    /// <param name="settings">The negotiated settings.</param>
    /// <param name="acknowledgedOptions">Option name/value strings for the OACK; empty for none.</param>
    public TftpTransfer(ReadOnlyMemory<byte> content, TftpSettings settings, IReadOnlyList<string> acknowledgedOptions)
    {
        _content = content;
        Settings = settings;
        _optionAck = acknowledgedOptions.Count > 0 ? TftpPacket.WithOptions(TftpOpcode.OptionAck, acknowledgedOptions) : null;
        _lastBlock = (content.Length / settings.BlockSize) + 1;
        _acked = _optionAck is null ? 0 : -1;
    }

    public TftpSettings Settings { get; }

    public TftpTransferState State { get; private set; } = TftpTransferState.Sending;

    /// <summary>When the window is resent if no ACK moves it on.</summary>
    public DateTimeOffset Deadline { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Windows resent after a timeout, over the whole transfer.</summary>
    public int Retransmissions { get; private set; }

    /// <summary>ACKs that acknowledged nothing new (duplicates or stale).</summary>
    public int IgnoredAcks { get; private set; }

    /// <summary>The largest packet <see cref="Render"/> writes.</summary>
    public int MaxPacketLength => Math.Max(TftpPacket.HeaderLength + Settings.BlockSize, _optionAck?.Length ?? 0);

    /// <summary>The OACK, or the first window of data when no option was acknowledged.</summary>
    public void Start(DateTimeOffset now, List<TftpSend> outbox)
    {
        if (_optionAck is not null)
        {
            outbox.Add(new TftpSend(TftpSendKind.OptionAck, 0));
            _sent = 0;
            Deadline = now + Wait();
        }
        else
        {
            SendWindow(now, outbox);
        }
    }

    /// <summary>A datagram from the client's transfer id.</summary>
    public void Receive(ReadOnlySpan<byte> datagram, DateTimeOffset now, List<TftpSend> outbox)
    {
        if (State != TftpTransferState.Sending)
        {
            return;
        }

        if (TftpPacket.TryParseAck(datagram, out ushort wireBlock))
        {
            Acknowledge(wireBlock, now, outbox);
        }
        else if (TftpPacket.TryParseError(datagram, out _, out _))
        {
            State = TftpTransferState.Failed;
            Deadline = DateTimeOffset.MaxValue;
        }
    }

    /// <summary>The clock: at or after <see cref="Deadline"/>, resend or give up.</summary>
    public void Tick(DateTimeOffset now, List<TftpSend> outbox)
    {
        if (State != TftpTransferState.Sending || now < Deadline)
        {
            return;
        }

        if (++_retries > Settings.MaxRetries)
        {
            State = TftpTransferState.Failed;
            Deadline = DateTimeOffset.MaxValue;
            outbox.Add(new TftpSend(TftpSendKind.Error, 0));
            return;
        }

        Retransmissions++;
        if (_acked < 0)
        {
            outbox.Add(new TftpSend(TftpSendKind.OptionAck, 0));
            Deadline = now + Wait();
        }
        else
        {
            SendWindow(now, outbox);
        }
    }

    /// <summary>Writes the datagram for <paramref name="send"/>; returns its length.</summary>
    public int Render(TftpSend send, Span<byte> destination)
    {
        switch (send.Kind)
        {
            case TftpSendKind.OptionAck:
                byte[] optionAck = _optionAck ?? [];
                optionAck.CopyTo(destination);
                return optionAck.Length;
            case TftpSendKind.Data:
                long offset = (send.Block - 1) * Settings.BlockSize;
                int length = (int)Math.Min(Settings.BlockSize, _content.Length - offset);
                return TftpPacket.WriteData(destination, unchecked((ushort)send.Block), _content.Span.Slice((int)offset, length));
            default:
                byte[] error = TftpPacket.Error(TftpErrorCode.NotDefined, "Timed out");
                error.CopyTo(destination);
                return error.Length;
        }
    }

    private void Acknowledge(ushort wireBlock, DateTimeOffset now, List<TftpSend> outbox)
    {
        // The ACK's block, as an index: the nearest at or after the last one acknowledged.
        long block = _acked + (ushort)(wireBlock - unchecked((ushort)_acked));
        if (block == _acked || block > _sent)
        {
            IgnoredAcks++;
            return;
        }

        _acked = block;
        _retries = 0;
        if (_acked >= _lastBlock)
        {
            State = TftpTransferState.Complete;
            Deadline = DateTimeOffset.MaxValue;
            return;
        }

        SendWindow(now, outbox);
    }

    private void SendWindow(DateTimeOffset now, List<TftpSend> outbox)
    {
        long last = Math.Min(_acked + Settings.WindowSize, _lastBlock);
        for (long block = _acked + 1; block <= last; block++)
        {
            outbox.Add(new TftpSend(TftpSendKind.Data, block));
        }

        _sent = last;
        Deadline = now + Wait();
    }

    /// <summary>The timeout doubled per resend of the current window, capped.</summary>
    private TimeSpan Wait() => Settings.Timeout * Math.Min(1 << Math.Min(_retries, 30), BackoffLimit);
}
