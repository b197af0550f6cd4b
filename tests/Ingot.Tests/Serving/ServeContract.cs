using System.Text.RegularExpressions;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Tests.Serving;

/// <summary>
/// The executable end to end, run as separate processes against one database: serve starts on
/// an empty store, createadmin and apikey work, and the data survives a restart. Subclassed for
/// SQLite (the default) and PostgreSQL (<c>--database</c>).
/// </summary>
public abstract partial class ServeContract : IDisposable
{
    protected ServeContract()
    {
        DataDir = Directory.CreateTempSubdirectory("ingot-serve-").FullName;
    }

    protected string DataDir { get; }

    /// <summary>The options that point ingot at this test's database.</summary>
    protected abstract string[] DatabaseArgs { get; }

    /// <summary>The same database, for reaching it from the test.</summary>
    protected abstract DataLocation Location { get; }

    [Fact]
    public async Task Serve_starts_on_an_empty_store_and_answers_the_version_endpoints()
    {
        int port = IngotProcess.FreePort();
        int bootPort = IngotProcess.FreePort();
        await using var serve = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}", "--boot-urls", $"http://127.0.0.1:{bootPort}"]);
        await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ct = TestContext.Current.CancellationToken;
        string bootScript = await http.GetStringAsync($"http://127.0.0.1:{bootPort}/ipxe/boot.ipxe", ct);
        Assert.Contains($"chain http://127.0.0.1:{bootPort}/ipxe/mac/", bootScript, StringComparison.Ordinal);
        using HttpResponseMessage text = await http.GetAsync("/MAAS/api/version/", ct);
        Assert.Equal("2.0", await text.Content.ReadAsStringAsync(ct));
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        string json = await http.GetStringAsync("/MAAS/api/2.0/version/", ct);
        Assert.Contains("\"capabilities\":", json, StringComparison.Ordinal);

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Createadmin_and_apikey_work_and_the_data_survives_a_restart()
    {
        var (created, createOutput) = await IngotProcess.RunAsync(null, ["createadmin", .. DatabaseArgs, "--username", "admin", "--password", "s3cret", "--email", "admin@example.com"]);
        Assert.True(created == 0, createOutput);

        string key = await ApiKeyAsync();
        Assert.Matches(ApiKeyShape(), key);
        Assert.Equal(key, await ApiKeyAsync());

        for (int restart = 0; restart < 2; restart++)
        {
            int port = IngotProcess.FreePort();
            await using var serve = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}", "--boot-urls", $"http://127.0.0.1:{IngotProcess.FreePort()}"]);
            await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(key, await ApiKeyAsync());

        var (again, againOutput) = await IngotProcess.RunAsync(null, ["createadmin", .. DatabaseArgs, "--username", "admin", "--password", "other", "--email", "a@example.com"]);
        Assert.Equal(1, again);
        Assert.Contains("a user named 'admin' already exists", againOutput, StringComparison.Ordinal);

        var (generated, generatedOutput) = await IngotProcess.RunAsync(null, ["apikey", .. DatabaseArgs, "--username", "admin", "--generate"]);
        Assert.Equal(0, generated);
        string second = generatedOutput.Trim();
        Assert.Matches(ApiKeyShape(), second);
        Assert.NotEqual(key, second);
        var (_, both) = await IngotProcess.RunAsync(null, ["apikey", .. DatabaseArgs, "--username", "admin"]);
        Assert.Equal(new[] { key, second }.Order(), both.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task A_machine_that_expired_while_ingot_was_stopped_is_failed_when_serve_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        DateTime twoHoursAgo = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
        await using (ServiceProvider services = IngotState.BuildProvider(Location))
        {
            await IngotState.MigrateAsync(services, ct);
            Machine machine = Machine.Create("exp001", "expired", twoHoursAgo);
            machine.PowerType = "manual";
            machine.StartCommissioning(Actor.User("admin", isAdmin: true), twoHoursAgo, LifecycleSettings.Default);
            await services.GetRequiredService<IMachineStore>().AddAsync(machine, ct);
        }

        int port = IngotProcess.FreePort();
        await using var serve = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}", "--boot-urls", $"http://127.0.0.1:{IngotProcess.FreePort()}"]);
        await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));

        await using (ServiceProvider services = IngotState.BuildProvider(Location))
        {
            var store = services.GetRequiredService<IMachineStore>();
            Machine? seen = null;
            for (int attempt = 0; attempt < 150 && seen?.Status != MachineStatus.FailedCommissioning; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                seen = await store.FindAsync("exp001", ct);
            }

            Assert.NotNull(seen);
            Assert.True(
                seen.Status == MachineStatus.FailedCommissioning,
                $"Waited 30 s for serve's status monitor to fail exp001; it is {seen.Status}. Output:\n{serve.Output}");
            Assert.Equal("Node operation 'Commissioning' timed out after 30 minutes.", seen.ErrorDescription);
            Assert.Contains(await store.EventsAsync("exp001", ct), e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM");
        }

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Apikey_for_an_unknown_user_fails_with_a_clear_message()
    {
        var (code, output) = await IngotProcess.RunAsync(null, ["apikey", .. DatabaseArgs, "--username", "nobody"]);
        Assert.Equal(1, code);
        Assert.Contains("no user named 'nobody'", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(DataDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<string> ApiKeyAsync()
    {
        var (code, output) = await IngotProcess.RunAsync(null, ["apikey", .. DatabaseArgs, "--username", "admin"]);
        Assert.True(code == 0, output);
        return output.Trim();
    }

    [GeneratedRegex("^[A-Za-z0-9]{18}:[A-Za-z0-9]{18}:[A-Za-z0-9]{32}$")]
    private static partial Regex ApiKeyShape();
}
