using System.Net;
using Ingot.Tests.BootResources;
using Ingot.Tests.Serving;

namespace Ingot.Tests.Sim;

/// <summary>
/// The demo needs no root (issue 8): the README's first command's build (<c>./ingot</c> publishes <c>src/Ingot</c> into
/// <c>.build/ingot</c>; <c>test.sh</c> runs the launcher before the tests) is run by <c>nobody</c>, with a home and data
/// directory of its own, and brings its machines to their targets; its web UI serves the framework script from the build,
/// which a plain build would read from the NuGet cache of the user who built it (under <c>/root</c>, unreadable to others).
/// Needs root to become another user.
/// </summary>
public sealed class DemoAsAnotherUserTests : IDisposable
{
    private const int Nobody = 65534;

    private readonly string _home = Directory.CreateTempSubdirectory("ingot-nobody-").FullName;

    [Fact]
    public async Task The_launcher_s_build_runs_the_demo_as_nobody_to_its_targets_with_its_web_UI_script()
    {
        string dll = Path.Combine(InstallerShell.RepositoryRoot(), ".build", "ingot", "ingot.dll");
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            Assert.Skip("needs root and setpriv (util-linux) to run the demo as another user");
        }

        if (!File.Exists(dll))
        {
            Assert.Skip($"no launcher build at {dll}: run ./ingot --help first (test.sh does)");
        }

        // A clone under a directory other users cannot enter (say /root) cannot be run by them whatever Ingot does.
        using (var readable = System.Diagnostics.Process.Start("setpriv", [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", "test", "-r", dll]))
        {
            await readable.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (readable.ExitCode != 0)
            {
                Assert.Skip($"nobody cannot read {dll} (a directory above it is closed to other users)");
            }
        }

        // nobody's own home and data directory (the temporary directory is root's, mode 0700).
        using (var chown = System.Diagnostics.Process.Start("chown", [$"{Nobody}:{Nobody}", _home]))
        {
            await chown.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, chown.ExitCode);
        }

        int port = IngotProcess.FreePort();
        await using IngotProcess demo = IngotProcess.StartAs(
            Nobody,
            Nobody,
            dll,
            new Dictionary<string, string> { ["HOME"] = _home, ["XDG_DATA_HOME"] = _home, ["DOTNET_CLI_HOME"] = _home },
            "demo", "--headless", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--machines", "2", "--deploy", "1");
        const string Running = "Ingot keeps running with its simulated machines; Ctrl-C stops both.";
        await demo.WaitForOutputAsync(Running, TimeSpan.FromMinutes(4));

        using (var http = new HttpClient())
        {
            using HttpResponseMessage script = await http.GetAsync($"http://127.0.0.1:{port}/_framework/blazor.web.js", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 10_000, "the framework script has its body");
        }

        Assert.True(File.Exists(Path.Combine(_home, "ingot", "demo", "ingot.db")), "the demo's database is in nobody's data directory");
        int code = await demo.SignalAsync("INT", TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"exit {code}:\n{demo.Output}");
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
