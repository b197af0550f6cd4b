using System.Text.RegularExpressions;

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

    [Fact]
    public async Task Serve_starts_on_an_empty_store_and_answers_the_version_endpoints()
    {
        int port = IngotProcess.FreePort();
        await using var serve = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}"]);
        await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ct = TestContext.Current.CancellationToken;
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
            await using var serve = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}"]);
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
