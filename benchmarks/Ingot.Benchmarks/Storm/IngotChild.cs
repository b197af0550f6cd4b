using System.Diagnostics;
using System.Globalization;
using Ingot.Commands;

namespace Ingot.Benchmarks.Storm;

/// <summary>
/// Ingot for the storm: a fresh data directory prepared with Ingot's own commands (admin, API key, the
/// simulated machines' placeholder boot images), then <c>ingot serve</c> as a child process on loopback
/// (SQLite, DHCP relayed-only and TFTP on loopback UDP ports, HTTP boot on a second loopback port), its log in
/// <c>ingot.log</c> at warning level. Its peak resident memory (<c>VmHWM</c>) and CPU time are read
/// from <c>/proc</c>, so they are Ingot's alone, not the simulated machines'.
/// </summary>
internal sealed class IngotChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private TimeSpan _cpuTime;
    private long _peakRss;

    private IngotChild(Process process, StreamWriter log, string dataDirectory, Uri url, string apiKey, int dhcpPort, int tftpPort)
    {
        _process = process;
        _log = log;
        DataDirectory = dataDirectory;
        Url = url;
        ApiKey = apiKey;
        DhcpPort = dhcpPort;
        TftpPort = tftpPort;
    }

    public string DataDirectory { get; }

    public Uri Url { get; }

    public string ApiKey { get; }

    public int DhcpPort { get; }

    public int TftpPort { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "ingot.db");

    public string LogPath => Path.Combine(DataDirectory, "ingot.log");

    public int Id => _process.Id;

    public static async Task<IngotChild> StartAsync(string dataDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        string[] common = ["--data-dir", dataDirectory];
        await RunAsync(["createadmin", "--username", "admin", "--password", "storm-admin", "--email", "admin@ingot.invalid", .. common], ct);
        string apiKey = (await RunAsync(["apikey", "--username", "admin", .. common], ct)).Trim();
        string image = Path.Combine(dataDirectory, "sim-image");
        Directory.CreateDirectory(image);
        await File.WriteAllTextAsync(Path.Combine(image, "vmlinuz"), "storm kernel\n", ct);
        await File.WriteAllTextAsync(Path.Combine(image, "initrd.img"), "storm initrd\n", ct);
        await RunAsync(["add-ephemeral-image", "--dir", image, "--name", "ingot/sim", .. common], ct);

        int port = Ingot.Demo.FreePorts.Tcp();
        int boot = Ingot.Demo.FreePorts.Tcp();
        int dhcp = Ingot.Demo.FreePorts.Udp();
        int tftp = Ingot.Demo.FreePorts.Udp();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ingot.dll"), "serve", "--data-dir", dataDirectory,
            "--urls", $"http://127.0.0.1:{port}", "--boot-urls", $"http://127.0.0.1:{boot}", "--loopback-boot", $"{dhcp},{tftp}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "1";
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start ingot serve");
        StopSignals.Adopt(process);
        var log = new StreamWriter(Path.Combine(dataDirectory, "ingot.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new IngotChild(process, log, dataDirectory, new Uri($"http://127.0.0.1:{port}/"), apiKey, dhcp, tftp);
        try
        {
            await child.WaitUntilServingAsync(ct);
        }
        catch
        {
            // Not serving (stopped, exited or too slow): no child is left behind.
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>Whether <c>ingot serve</c> has exited (it should not before the storm ends).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once <see cref="HasExited"/>, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Peak resident set (kernel's high-water mark), bytes; the last value read once Ingot has exited.</summary>
    public long PeakRss()
    {
        if (!_process.HasExited)
        {
            try
            {
                _peakRss = ProcStatus("VmHWM:");
            }
            catch (IOException)
            {
                // Exited between the check and the read: keep the last value.
            }
        }

        return _peakRss;
    }

    /// <summary>CPU time so far; the last value read once Ingot has exited (an exited process has none to read).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            if (!_process.HasExited)
            {
                _cpuTime = _process.TotalProcessorTime;
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read: keep the last value.
        }

        return _cpuTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        StopSignals.Release(_process);
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private long ProcStatus(string field)
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private async Task WaitUntilServingAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (int attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"ingot serve exited ({_process.ExitCode}); see {LogPath}");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri(Url, "MAAS/api/2.0/version/"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, ct);
        }

        throw new InvalidOperationException("ingot serve did not answer version/ within 60 s");
    }

    private static async Task<string> RunAsync(string[] args, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await IngotCommandLine.RunAsync(args, stdout, stderr, ct);
        return exit == IngotCommandLine.Ok ? stdout.ToString() : throw new InvalidOperationException($"ingot {args[0]} failed ({exit}): {stderr}{stdout}");
    }
}
