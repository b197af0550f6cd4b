using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// A qemu VM (TCG: this host has no usable KVM) on a <see cref="BootNetwork"/> tap, set to boot from
/// the network. Its serial console is captured line by line; waits on it are bounded and say what
/// they waited for, with the console so far.
/// </summary>
internal sealed class QemuMachine : IAsyncDisposable
{
    public const string Binary = "/usr/bin/qemu-system-x86_64";
    public const string UefiFirmware = "/usr/share/ovmf/OVMF.fd";

    /// <summary>OVMF's code alone, for a VM whose variables are kept (with a copy of <see cref="UefiVariablesTemplate"/>).</summary>
    public const string UefiCode = "/usr/share/OVMF/OVMF_CODE.fd";

    /// <summary>OVMF's empty variable store that goes with <see cref="UefiCode"/>.</summary>
    public const string UefiVariablesTemplate = "/usr/share/OVMF/OVMF_VARS.fd";

    private readonly Process _process;
    private readonly StringBuilder _console = new();
    private readonly Lock _gate = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Seen)> _waiters = [];

    private QemuMachine(Process process, string mac)
    {
        _process = process;
        Mac = mac;
    }

    public string Mac { get; }

    public string Console
    {
        get
        {
            lock (_gate)
            {
                return _console.ToString();
            }
        }
    }

    /// <summary>The MAC of the VM started with <paramref name="index"/>.</summary>
    public static string MacFor(int index) => string.Create(CultureInfo.InvariantCulture, $"52:54:00:e2:e0:{index:x2}");

    /// <summary>
    /// Starts a VM on a new tap. With the NIC's option ROM (<paramref name="nicRom"/>, qemu's iPXE, the
    /// default) the VM boots from iPXE at once; without it a UEFI VM boots with the firmware's own PXE
    /// client (EDK2's), which loads a first stage over TFTP. <paramref name="hardware"/> adds vCPUs and a
    /// virtio disk (a raw file with a serial number); the MAC depends on <paramref name="index"/> only, so a
    /// second start with the same index is the same machine booting again.
    /// </summary>
    public static async Task<QemuMachine> StartAsync(BootNetwork network, int index, Firmware firmware, int memoryMiB = 512, bool nicRom = true, VmHardware? hardware = null)
    {
        string tap = await network.AddTapAsync();
        string mac = MacFor(index);
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "netns", "exec", network.Namespace, Binary,
            "-name", $"e2e{index}", "-accel", "tcg", "-m", (hardware?.MemoryMiB ?? memoryMiB).ToString(CultureInfo.InvariantCulture),
            "-smp", (hardware?.Cpus ?? 1).ToString(CultureInfo.InvariantCulture),
            "-nographic", "-monitor", "none", "-serial", "stdio", "-no-reboot",
            "-netdev", $"tap,id=n0,ifname={tap},script=no,downscript=no",
            "-device", $"virtio-net-pci,netdev=n0,mac={mac}" + (nicRom ? "" : ",romfile="),
            "-boot", "order=n",
        ];
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string arg in hardware?.DiskArguments() ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        if (firmware == Firmware.Uefi)
        {
            foreach (string arg in (string[])["-machine", "q35", "-bios", UefiFirmware])
            {
                info.ArgumentList.Add(arg);
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var machine = new QemuMachine(process, mac);
        process.OutputDataReceived += (_, e) => machine.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => machine.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return machine;
    }

    /// <summary>Waits until a console line matches <paramref name="pattern"/>; fails naming <paramref name="what"/>.</summary>
    public async Task<Match> WaitForConsoleAsync(string pattern, TimeSpan limit, string what)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (string line in _console.ToString().Split('\n'))
            {
                if (regex.Match(line) is { Success: true } match)
                {
                    return match;
                }
            }

            _waiters.Add((regex, seen));
        }

        Task exited = _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Task first = await Task.WhenAny(seen.Task, exited, Task.Delay(limit, TestContext.Current.CancellationToken));
        if (first == seen.Task)
        {
            return await seen.Task;
        }

        string why = first == exited ? "qemu exited first" : $"nothing after {limit.TotalSeconds} s";
        throw new TimeoutException($"Waited for {what} (console matching /{pattern}/); {why}. Console:\n{Tail(Console, 60)}");
    }

    /// <summary>Waits for the VM to power itself off (qemu exits).</summary>
    public async Task WaitForExitAsync(TimeSpan limit, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}; qemu still runs. Console:\n{Tail(Console, 60)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _console.Append(line).Append('\n');
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pattern.Match(line) is { Success: true } match)
                {
                    _waiters[i].Seen.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
