using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ingot.Tests.BootResources;

/// <summary>
/// Runs the installer's shell functions (scripts/ephemeral/ingot) as the ephemeral image runs them: busybox's
/// <c>sh</c> with busybox's applets first on PATH (wget, tar, xzcat, bzcat, gunzip, dd…), in a private mount
/// namespace with its own tmpfs <c>/run</c> (root), images served by busybox's httpd on loopback.
/// </summary>
internal sealed class InstallerShell : IAsyncDisposable
{
    private static readonly string[] s_applets =
        ["sh", "wget", "tar", "xzcat", "bzcat", "gunzip", "dd", "timeout", "cat", "sed", "head", "tail", "rm", "mkdir", "mount", "awk", "sort", "grep", "wc", "tr"];

    private readonly Process _httpd;
    private readonly string _path;

    private InstallerShell(Process httpd, int port, string path)
    {
        _httpd = httpd;
        Port = port;
        _path = path;
    }

    public int Port { get; }

    public static string AgentDirectory => Path.Combine(RepositoryRoot(), "scripts", "ephemeral", "ingot");

    /// <summary>Serves <paramref name="www"/>; applet links go into <paramref name="work"/>/busybox.</summary>
    public static async Task<InstallerShell> StartAsync(string work, string www, CancellationToken ct)
    {
        string applets = Directory.CreateDirectory(Path.Combine(work, "busybox")).FullName;
        foreach (string applet in s_applets)
        {
            File.CreateSymbolicLink(Path.Combine(applets, applet), "/bin/busybox");
        }

        int port = FreeTcpPort();
        Process httpd = Process.Start(new ProcessStartInfo("/bin/busybox", ["httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", www]) { UseShellExecute = false })!;
        var shell = new InstallerShell(httpd, port, $"{applets}:/usr/sbin:/usr/bin:/sbin:/bin");
        await WaitForListenerAsync(port, ct);
        return shell;
    }

    /// <summary>Sources install.sh (with say/report_event printing) and runs <paramref name="command"/>: exit code and output.</summary>
    public async Task<(int Code, string Output)> RunAsync(string command, CancellationToken ct, params (string Name, string Value)[] environment)
    {
        string script = $$"""
            mount -t tmpfs tmpfs /run || exit 9
            say() { echo "$*"; }
            report_event() { echo "report_event $*"; }
            . "$AGENT_DIR/install.sh"
            {{command}}
            """;
        var start = new ProcessStartInfo("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/busybox", "sh", "-c", script]);
        start.Environment["PATH"] = _path;
        start.Environment["AGENT_DIR"] = AgentDirectory;
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        (int code, string stdout, string stderr) = await RunProcessAsync(start, ct);
        return (code, stdout + stderr);
    }

    public async ValueTask DisposeAsync()
    {
        _httpd.Kill();
        await _httpd.WaitForExitAsync(CancellationToken.None);
        _httpd.Dispose();
    }

    /// <summary>Runs a host tool to the end (at most two minutes) and fails the test when it does not exit 0.</summary>
    public static async Task<string> ToolAsync(string tool, string workingDirectory, CancellationToken ct, params string[] args)
    {
        (int code, string stdout, string stderr) = await RunProcessAsync(new ProcessStartInfo(tool, args) { WorkingDirectory = workingDirectory }, ct);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} exited {code}: {stdout}{stderr}");
        return stdout;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(ProcessStartInfo start, CancellationToken ct)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>busybox httpd takes a moment to listen: connects until it answers (at most 50 × 100 ms).</summary>
    internal static async Task WaitForListenerAsync(int port, CancellationToken ct)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct);
            }
        }

        throw new TimeoutException($"busybox httpd did not listen on 127.0.0.1:{port} within 50 tries");
    }

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ingot.slnx above {AppContext.BaseDirectory}.");
    }
}
