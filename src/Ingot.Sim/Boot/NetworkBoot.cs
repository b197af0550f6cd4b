using System.Net;
using System.Net.Sockets;
using Ingot.Sim.Machines;

namespace Ingot.Sim.Boot;

/// <summary>
/// A simulated machine's network boot against Ingot, step by step as firmware and iPXE do it:
/// DHCP through the loopback relay or broadcast on the namespace's link (a PXE ROM asks as
/// <c>PXEClient</c>; on a link the NIC then holds its leased address there), the first stage over TFTP,
/// DHCP again as iPXE, then the iPXE scripts over HTTP (the generic one chains to the per-MAC one),
/// and the kernel and initrd they name (skipped for timing-only profiles). <paramref name="report"/>
/// hears each step.
/// </summary>
public sealed class NetworkBoot(SimNetwork network, HardwareProfile profile, bool noLease, Action<string> report)
{
    /// <summary>How often the firmware starts its PXE boot (DHCP, then TFTP) before it gives up on the network.</summary>
    public const int PxeAttempts = 3;

    public async Task<BootDecision> RunAsync(CancellationToken ct)
    {
        string mac = profile.BootMac;
        ushort arch = SimDhcpClient.Architecture(profile.Firmware != Firmware.Bios, profile.Architecture);
        DhcpLease? lease;
        if (profile.Firmware != Firmware.IpxeRom)
        {
            // A PXE boot option whose TFTP fails (a timeout, or "Server busy") fails; the firmware then
            // tries the network boot again from DHCP, as a server's boot retry does, up to PxeAttempts times.
            for (int attempt = 1; ; attempt++)
            {
                report("PXE: DHCP");
                lease = await ObtainAsync(mac, arch, ipxe: false, ct);
                if (lease is null)
                {
                    return new BootDecision(BootOutcome.Failed, null, Detail: "PXE: no DHCP lease");
                }

                report($"PXE: TFTP {lease.BootFile}");
                try
                {
                    await ReadFirstStageAsync(lease, ct);
                    break;
                }
                catch (TftpFetchException e) when (e.FileNotFound)
                {
                    // The first stage is Debian's ipxe package on Ingot's host; without it the simulated NIC
                    // carries on with its own iPXE, as a NIC with an iPXE ROM would.
                    report($"PXE: {e.Message}; continuing with the NIC's iPXE");
                    break;
                }
                catch (TftpFetchException e) when (attempt < PxeAttempts)
                {
                    report($"PXE: {e.Message}; boot option failed, PXE again");
                }
                catch (TftpFetchException e)
                {
                    return new BootDecision(BootOutcome.Failed, lease.Address, Detail: $"PXE: {e.Message} ({PxeAttempts} attempts)");
                }
            }
        }

        report("iPXE: DHCP");
        lease = await ObtainAsync(mac, arch, ipxe: true, ct);
        if (lease is null)
        {
            return new BootDecision(BootOutcome.Failed, null, Detail: "iPXE: no DHCP lease");
        }

        if (!lease.BootFile.StartsWith("http://", StringComparison.Ordinal))
        {
            return new BootDecision(BootOutcome.Failed, lease.Address, Detail: $"iPXE: boot file '{lease.BootFile}' is not an HTTP script");
        }

        using HttpClient http = SimHttp.BoundTo(lease.Address, network);
        string url = lease.BootFile;
        for (int hop = 0; hop < 4; hop++)
        {
            report($"iPXE: {new Uri(url).AbsolutePath}");
            string script = await http.GetStringAsync(url.Replace("${netX/mac}", mac, StringComparison.Ordinal), ct);
            string[] lines = script.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (lines.FirstOrDefault(l => l.StartsWith("kernel ", StringComparison.Ordinal)) is { } kernel)
            {
                return await EphemeralAsync(http, lease.Address, mac, kernel, lines, ct);
            }

            if (lines.FirstOrDefault(l => l.StartsWith("chain ", StringComparison.Ordinal)) is { } chain)
            {
                url = chain.Split(' ')[1];
                continue;
            }

            string said = lines.FirstOrDefault(l => l.StartsWith("echo ", StringComparison.Ordinal))?[5..] ?? "boot from the local disk";
            return new BootDecision(BootOutcome.LocalDisk, lease.Address, Detail: $"iPXE: {said}");
        }

        return new BootDecision(BootOutcome.Failed, lease.Address, Detail: "iPXE: too many chained scripts");
    }

    /// <summary>A lease; on a namespace's link the NIC then holds the leased address there.</summary>
    private async Task<DhcpLease?> ObtainAsync(string mac, ushort arch, bool ipxe, CancellationToken ct)
    {
        DhcpLease? lease = await SimDhcpClient.ObtainAsync(network, mac, arch, ipxe, noLease, ct);
        if (lease is not null && network.Namespace is { } ns)
        {
            await ns.HoldAsync(mac, lease.Address, lease.Prefix, ct);
        }

        return lease;
    }

    private async Task ReadFirstStageAsync(DhcpLease lease, CancellationToken ct)
    {
        using Socket socket = await network.SocketAsync(SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(lease.Address, 0));
        await TftpFetch.ReadAsync(socket, network.TftpServerFor(profile.BootMac, lease), lease.BootFile, ct);
    }

    private async Task<BootDecision> EphemeralAsync(HttpClient http, IPAddress address, string mac, string kernel, string[] lines, CancellationToken ct)
    {
        string[] words = kernel.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string commandLine = string.Join(' ', words.Skip(2)).Replace("${netX/mac:hexhyp}", mac.Replace(':', '-'), StringComparison.Ordinal);
        if (!profile.TimingOnly)
        {
            report("Linux: kernel");
            await DrainAsync(http, words[1], ct);
            if (lines.FirstOrDefault(l => l.StartsWith("initrd ", StringComparison.Ordinal)) is { } initrd)
            {
                report("Linux: initrd");
                await DrainAsync(http, initrd.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], ct);
            }
        }

        return new BootDecision(BootOutcome.Ephemeral, address, commandLine);
    }

    private static async Task DrainAsync(HttpClient http, string url, CancellationToken ct)
    {
        using HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using Stream body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(Stream.Null, ct);
    }
}
