using Ingot.Api.Tests.Clients;

namespace Ingot.Api.Tests.BootResources;

/// <summary>
/// A throw-away OpenPGP signing key made with <c>gpg</c> in a GNUPGHOME of its own; it exports its
/// public keyring and clear-signs files as simplestreams does for <c>.sjson</c>. Disposing stops the
/// gpg-agent of that home and deletes it.
/// </summary>
public sealed class GpgTestKey : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("ingot-gpg-");

    private GpgTestKey()
    {
    }

    public static bool Available => File.Exists("/usr/bin/gpg") && File.Exists("/usr/bin/gpgv");

    public static async Task<GpgTestKey> CreateAsync(string name)
    {
        var key = new GpgTestKey();
        await key.RunAsync("--passphrase", "", "--quick-generate-key", $"{name} <{name}@ingot.invalid>", "ed25519", "sign", "never");
        return key;
    }

    /// <summary>The public keyring (binary, as <c>gpg --export</c> writes it).</summary>
    public async Task<byte[]> KeyringAsync()
    {
        string path = Path.Combine(_home.FullName, "keyring.gpg");
        await RunAsync("--yes", "--output", path, "--export");
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Writes <paramref name="path"/> clear-signed to <paramref name="signedPath"/>.</summary>
    public Task ClearSignAsync(string path, string signedPath) =>
        RunAsync("--yes", "--pinentry-mode", "loopback", "--passphrase", "", "--output", signedPath, "--clearsign", path);

    public async ValueTask DisposeAsync()
    {
        await ProcessOutcome.RunAsync("gpgconf", ["--homedir", _home.FullName, "--kill", "gpg-agent"], s_timeout);
        _home.Delete(recursive: true);
    }

    private async Task RunAsync(params string[] arguments)
    {
        ProcessOutcome outcome = await ProcessOutcome.RunAsync("gpg", ["--batch", "--homedir", _home.FullName, .. arguments], s_timeout);
        Assert.True(outcome.ExitCode == 0, $"gpg {string.Join(' ', arguments)} failed: {outcome.Output}");
    }
}
