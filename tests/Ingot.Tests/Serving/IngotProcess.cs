using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.Tests.Serving;

/// <summary>
/// The real <c>ingot</c> executable (the build output next to the tests) run as a child process,
/// with its output captured. Waits are bounded and say what they waited for.
/// </summary>
internal sealed class IngotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IngotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
    }

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

    /// <summary>The process id (of <c>dotnet ingot.dll</c>).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process with SIGKILL (no shutdown of any kind) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public static IngotProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Launch("dotnet", [Path.Combine(AppContext.BaseDirectory, "ingot.dll"), .. args], environment);

    /// <summary>Runs ingot with an open-file limit of <paramref name="openFiles"/> (soft and hard) through util-linux's <c>prlimit</c>.</summary>
    public static IngotProcess StartWithOpenFileLimit(int openFiles, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Launch("prlimit", [$"--nofile={openFiles}:{openFiles}", "dotnet", Path.Combine(AppContext.BaseDirectory, "ingot.dll"), .. args], environment);

    /// <summary>
    /// Runs <c>dotnet <paramref name="dll"/></c> as another user (<paramref name="uid"/>, <paramref name="gid"/>, no
    /// supplementary groups) through util-linux's <c>setpriv</c>; the test process must be root.
    /// </summary>
    public static IngotProcess StartAs(int uid, int gid, string dll, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Launch("setpriv", [$"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--", "dotnet", dll, .. args], environment);

    /// <summary>
    /// Starts the command through coreutils' <c>env --default-signal=INT</c>, which then execs it (same process id): a test
    /// host started in the background by a non-interactive shell (<c>test.sh &amp;</c>) has SIGINT ignored, children inherit
    /// that, and Ctrl-C (SIGINT) would then not reach ingot, as it would not for <c>./ingot demo &amp;</c> in a script.
    /// </summary>
    private static IngotProcess Launch(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add(fileName);
        foreach (string arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("INGOT_DATABASE");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var ingot = new IngotProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        ingot._process.Start();
        ingot._process.BeginOutputReadLine();
        ingot._process.BeginErrorReadLine();
        return ingot;
    }

    /// <summary>Runs ingot to completion; returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        await using IngotProcess ingot = Start(environment, args);
        int code = await ingot.WaitForExitAsync(TimeSpan.FromSeconds(120), $"ingot {string.Join(' ', args)}");
        return (code, ingot.Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the "Ingot serving on" line that serve prints once it listens.</summary>
    public async Task WaitUntilServingAsync(TimeSpan limit)
    {
        Task exited = _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Task first = await Task.WhenAny(_serving.Task, exited, Task.Delay(limit, TestContext.Current.CancellationToken));
        if (first != _serving.Task)
        {
            string why = first == exited ? $"it exited with {_process.ExitCode}" : $"nothing after {limit.TotalSeconds} s";
            throw new TimeoutException($"Waited for 'ingot serve' to print 'Ingot serving on'; {why}. Output:\n{Output}");
        }
    }

    /// <summary>Asks ingot to stop as an operator would (SIGTERM) and waits for it to exit.</summary>
    public Task<int> StopAsync(TimeSpan limit) => SignalAsync("TERM", limit);

    /// <summary>Sends <c>SIG</c><paramref name="signal"/> (e.g. INT, as Ctrl-C in a terminal) and waits for it to exit.</summary>
    public async Task<int> SignalAsync(string signal, TimeSpan limit)
    {
        using (Process kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        return await WaitForExitAsync(limit, $"ingot to stop after SIG{signal}");
    }

    /// <summary>Polls (bounded) until the output holds <paramref name="text"/>; fails if the process exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited)
            {
                Assert.Fail($"ingot exited ({_process.ExitCode}) before printing '{text}':\n{Tail}");
            }

            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds} s for ingot to print '{text}':\n{Tail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The last 4,000 characters of the output (a live screen's redraws make it long).</summary>
    public string Tail => Output.Length > 4000 ? Output[^4000..] : Output;

    public async Task<int> WaitForExitAsync(TimeSpan limit, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}; it did not exit. Output:\n{Output}");
        }

        // The parameterless wait drains the redirected output.
        await _process.WaitForExitAsync(CancellationToken.None);
        return _process.ExitCode;
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

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("Ingot serving on", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }
    }
}
