using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Tftp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Tftp;

/// <summary>
/// Many transfers at once on 127.0.0.1, as a rack's PXE ROMs fetch the first stage together: every
/// admitted transfer finishes, and a request beyond the cap gets "Server busy" at once instead of a
/// transfer the server cannot run.
/// </summary>
public sealed class TftpConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (TftpListener Listener, byte[] Content) Start(int size, int maxTransfers, TftpLimits limits)
    {
        var content = new byte[size];
        new Random(11).NextBytes(content);
        var files = new TftpFiles(new Dictionary<string, string>(), new Dictionary<string, ReadOnlyMemory<byte>> { ["ipxe.efi"] = content });
        var listener = new TftpListener(new IPEndPoint(IPAddress.Loopback, 0), files, limits, TimeProvider.System, NullLogger<TftpListener>.Instance, maxTransfers);
        listener.Start();
        return (listener, content);
    }

    [Fact]
    public async Task Four_hundred_concurrent_lock_step_transfers_with_blksize_8192_all_complete()
    {
        (TftpListener listener, byte[] content) = Start(200_000, maxTransfers: 4096, TftpLimits.Default);
        await using (listener)
        {
            byte[] request = TftpTestClient.ReadRequest("ipxe.efi", "blksize", "8192");

            TftpTestClient.Result[] results = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => TftpTestClient.GetAsync(listener.LocalEndPoint, request, 1, Ct)));

            Assert.All(results, r => Assert.Equal(content, r.Content));
            // The server counts a transfer complete when it reads the client's last ACK, a moment after the client returns.
            await WaitAsync(() => listener.Counters.Completed == 400);
            Assert.Equal(0, listener.Counters.Failed);
            Assert.Equal(0, listener.Counters.Active);
        }
    }

    [Fact]
    public async Task Beyond_the_cap_a_request_is_refused_busy_and_a_slot_frees_when_a_silent_client_times_out()
    {
        // Resends after 100, 200 and 400 ms, then the transfer is abandoned (0.7 s in all).
        var limits = TftpLimits.Default with { Defaults = TftpSettings.Default with { Timeout = TimeSpan.FromMilliseconds(100), MaxRetries = 2 } };
        (TftpListener listener, byte[] content) = Start(50_000, maxTransfers: 5, limits);
        await using (listener)
        {
            // Five clients ask and never acknowledge: they hold every slot.
            var silent = Enumerable.Range(0, 5).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).ToList();
            try
            {
                foreach (Socket socket in silent)
                {
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    await socket.SendToAsync(TftpTestClient.ReadRequest("ipxe.efi"), SocketFlags.None, listener.LocalEndPoint, Ct);
                }

                await WaitAsync(() => listener.Counters.Active == 5);

                TftpTestClient.Result busy = await TftpTestClient.GetAsync(listener.LocalEndPoint, TftpTestClient.ReadRequest("ipxe.efi"), 1, Ct);

                Assert.Equal(TftpErrorCode.NotDefined, busy.Error);
                Assert.Equal(1, listener.Counters.Refused);

                await WaitAsync(() => listener.Counters.Failed == 5);
                TftpTestClient.Result served = await TftpTestClient.GetAsync(listener.LocalEndPoint, TftpTestClient.ReadRequest("ipxe.efi"), 1, Ct);

                Assert.Equal(content, served.Content);
                await WaitAsync(() => listener.Counters.Active == 0);
                Assert.Equal(1, listener.Counters.Completed);
            }
            finally
            {
                silent.ForEach(s => s.Dispose());
            }
        }
    }

    [Fact]
    public async Task Disposing_the_listener_ends_its_running_transfers_and_frees_their_sockets()
    {
        (TftpListener listener, _) = Start(50_000, maxTransfers: 16, TftpLimits.Default);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendToAsync(TftpTestClient.ReadRequest("ipxe.efi"), SocketFlags.None, listener.LocalEndPoint, Ct);
        await WaitAsync(() => listener.Counters.Active == 1);

        await listener.DisposeAsync();

        Assert.Equal(0, listener.Counters.Active);
        Assert.Equal(1, listener.Counters.Failed);
    }

    /// <summary>Polls for up to 10 s (the listener's thread changes the counters).</summary>
    private static async Task WaitAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(condition());
    }
}
