using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ingot.Core.Boot;
using Ingot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// The real <c>ingot</c> executable (the build next to the tests) as an operator runs it: one-shot
/// commands (<c>createadmin</c>, <c>apikey</c>, <c>add-ephemeral-image</c>) and <c>serve</c> as a child
/// process on its own SQLite data directory, its output kept. Waits are bounded and say what they waited for.
/// </summary>
internal sealed class IngotServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _serve;

    private IngotServer(string dataDir)
    {
        DataDir = dataDir;
    }

    public string DataDir { get; }

    /// <summary>The REST API, on loopback.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>Where machines reach HTTP boot: the boot interface's address and a free port.</summary>
    public Uri BootUrl { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static IngotServer Create() => new(Directory.CreateTempSubdirectory("ingot-e2e-").FullName);

    /// <summary>Runs a one-shot command on this server's data directory; fails with its output unless it exits 0.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        using Process process = Start([.. args, "--data-dir", DataDir], out StringBuilder output);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'ingot {string.Join(' ', args)}' did not finish within 120 s: {output}");
        }

        await process.WaitForExitAsync(CancellationToken.None);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'ingot {string.Join(' ', args)}' exited with {process.ExitCode}: {output}");
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Starts <c>ingot serve</c> with the boot services on <paramref name="network"/>'s host end and waits until it serves.</summary>
    public async Task ServeAsync(BootNetwork network, TimeSpan limit)
    {
        ApiUrl = new Uri($"http://127.0.0.1:{FreePort(IPAddress.Loopback)}");
        BootUrl = new Uri($"http://{network.ServerAddress}:{FreePort(network.ServerAddress)}");
        _serve = Start(
            ["serve", "--data-dir", DataDir, "--urls", ApiUrl.ToString().TrimEnd('/'), "--boot-interface", network.HostInterface, "--boot-urls", BootUrl.ToString().TrimEnd('/')],
            out _,
            OnLine);
        Task exited = _serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        Task first = await Task.WhenAny(_serving.Task, exited, Task.Delay(limit, TestContext.Current.CancellationToken));
        if (first != _serving.Task)
        {
            string why = first == exited ? $"it exited with {_serve.ExitCode}" : $"nothing after {limit.TotalSeconds} s";
            throw new TimeoutException($"Waited for 'ingot serve' to print 'Ingot serving on'; {why}. Output:\n{Output}");
        }
    }

    /// <summary>Waits until ingot serve's output contains <paramref name="text"/>; fails naming <paramref name="what"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit, string what)
    {
        for (DateTimeOffset until = TimeProvider.System.GetUtcNow() + limit; !Output.Contains(text, StringComparison.Ordinal);)
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what} (ingot output containing '{text}'). Output:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The DHCP leases Ingot stored, read from its database as a second process would.</summary>
    public async Task<IReadOnlyList<DhcpLease>> LeasesAsync()
    {
        var location = new DataLocation(DataDir, $"Data Source={Path.Combine(DataDir, "ingot.db")}");
        await using ServiceProvider services = IngotState.BuildProvider(location);
        return await services.GetRequiredService<IDhcpLeaseStore>().ListAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync(CancellationToken.None);
        }

        _serve?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child: leave the temp directory.
        }
    }

    private static Process Start(string[] args, out StringBuilder output, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ingot.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("INGOT_DATABASE");
        info.Environment.Remove(BootInterfaceSettings.Variable);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var lines = new StringBuilder();
        output = lines;
        void Handle(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.AppendLine(line);
            }

            onLine?.Invoke(line);
        }

        process.OutputDataReceived += (_, e) => Handle(e.Data);
        process.ErrorDataReceived += (_, e) => Handle(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void OnLine(string line)
    {
        lock (_output)
        {
            _output.Append(TimeProvider.System.GetUtcNow().ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture)).AppendLine(line);
        }

        if (line.StartsWith("Ingot serving on", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }
    }
}
