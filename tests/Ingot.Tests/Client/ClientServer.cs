using Ingot.Client;
using Ingot.Commands;
using Ingot.Tests.Serving;

namespace Ingot.Tests.Client;

/// <summary>
/// A real <c>ingot serve</c> on SQLite with an admin and their API key, for the client tests, which run the
/// client in-process (<see cref="RunAsync"/>) with their own profiles file.
/// </summary>
public sealed class ClientServer : IAsyncLifetime
{
    public const string Collection = "client server";

    private IngotProcess? _serve;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("ingot-client-").FullName;

    public string Url { get; private set; } = "";

    public string ApiKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var (created, output) = await IngotProcess.RunAsync(null, "createadmin", "--data-dir", DataDir, "--username", "admin", "--password", "pw", "--email", "admin@example.com");
        Assert.True(created == 0, output);
        var (keyed, key) = await IngotProcess.RunAsync(null, "apikey", "--data-dir", DataDir, "--username", "admin");
        Assert.True(keyed == 0, key);
        ApiKey = key.Trim();
        int port = IngotProcess.FreePort();
        Url = $"http://127.0.0.1:{port}/MAAS/";
        _serve = IngotProcess.Start(null, "serve", "--data-dir", DataDir, "--urls", $"http://127.0.0.1:{port}", "--boot-urls", "none");
        await _serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Runs <c>ingot ARGS</c> in-process with <paramref name="profiles"/> as the profiles file.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string profiles, string[] args, string stdin = "", TimeSpan? waitLimit = null, bool terminal = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var options = new ClientOptions(profiles, terminal, waitLimit ?? TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), TimeProvider.System);
        int code = await IngotCommandLine.RunAsync(args, new StringReader(stdin), stdout, stderr, options, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        Directory.Delete(DataDir, recursive: true);
    }
}
