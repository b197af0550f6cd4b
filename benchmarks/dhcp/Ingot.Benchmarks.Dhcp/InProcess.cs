using System.Diagnostics;
using System.Globalization;
using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;

namespace Ingot.Benchmarks.Dhcp;

/// <summary>
/// The server's work per four-way exchange without sockets: COUNT clients, each DISCOVER and REQUEST
/// encoded, parsed, answered by <see cref="DhcpServer"/> (with the given lease store) and the reply
/// encoded, 64 clients in flight at a time. Prints exchanges per second, the process CPU and the bytes
/// allocated per exchange.
/// </summary>
internal static class InProcess
{
    public static async Task RunAsync(IDhcpLeaseStore store, DhcpConfiguration configuration, int count, bool quiet = false)
    {
        var link = new DhcpInterface("bench0", IPAddress.Parse("10.77.0.1"), IPNetwork.Parse("10.77.0.0/16"));
        using var server = new DhcpServer(new FixedDhcpConfigurationSource(configuration), store, new DhcpResponder(DhcpBootSettings.Default), TimeProvider.System);
        var wall = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int collections = GC.CollectionCount(0);
        int acks = 0;
        for (int start = 0; start < count; start += 64)
        {
            int[] batch = [.. Enumerable.Range(start, Math.Min(64, count - start))];
            bool[] done = await Task.WhenAll(batch.Select(n => ExchangeAsync(server, link, n)));
            acks += done.Count(d => d);
        }

        wall.Stop();
        TimeSpan used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (quiet)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{acks} of {count} exchanges in {wall.Elapsed.TotalSeconds:F2} s: {acks / wall.Elapsed.TotalSeconds:F0}/s, CPU {used.TotalMicroseconds / count:F0} µs, {bytes / count} bytes allocated per exchange (client side included), {GC.CollectionCount(0) - collections} gen-0 GCs"));
    }

    private static async Task<bool> ExchangeAsync(DhcpServer server, DhcpInterface link, int n)
    {
        byte[] mac = [0x52, 0x54, 0x00, (byte)(n >> 16), (byte)(n >> 8), (byte)n];
        byte[] buffer = new byte[DhcpCodec.MaximumLength];
        DhcpPacket discover = Client(mac, DhcpMessageType.Discover);
        DhcpPacket? offer = await RoundTripAsync(server, link, discover, buffer);
        if (offer is null)
        {
            return false;
        }

        DhcpPacket request = Client(mac, DhcpMessageType.Request,
            new DhcpOption(DhcpOptionCode.RequestedAddress, offer.YourAddress.GetAddressBytes()),
            new DhcpOption(DhcpOptionCode.ServerIdentifier, link.Address.GetAddressBytes()));
        DhcpPacket? ack = await RoundTripAsync(server, link, request, buffer);
        return ack?.MessageType == DhcpMessageType.Ack;
    }

    private static async Task<DhcpPacket?> RoundTripAsync(DhcpServer server, DhcpInterface link, DhcpPacket request, byte[] buffer)
    {
        int length = DhcpCodec.Write(request, buffer);
        DhcpPacket parsed = DhcpCodec.Parse(buffer.AsSpan(0, length)).Packet!;
        DhcpAnswer answer = await server.AnswerAsync(parsed, link, 67, CancellationToken.None);
        if (answer.Reply is not { } reply)
        {
            return null;
        }

        int written = DhcpCodec.Write(reply, buffer);
        return DhcpCodec.Parse(buffer.AsSpan(0, written)).Packet;
    }

    private static DhcpPacket Client(byte[] mac, DhcpMessageType type, params DhcpOption[] options) => new()
    {
        TransactionId = (uint)Random.Shared.Next(),
        ClientHardwareAddress = [.. mac, .. new byte[10]],
        Options = [new DhcpOption(DhcpOptionCode.MessageType, [(byte)type]), .. options],
    };
}

/// <summary>A lease store that keeps nothing: to tell the server's own work from the database's (<c>inprocess COUNT - ...</c>).</summary>
internal sealed class NoLeaseStore : IDhcpLeaseStore
{
    public Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DhcpLease>>([]);

    public Task SaveAsync(DhcpLease lease, CancellationToken ct) => Task.CompletedTask;

    public Task RemoveAsync(IPAddress address, CancellationToken ct) => Task.CompletedTask;

    public Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct) => Task.CompletedTask;
}
