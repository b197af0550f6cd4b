using System.Diagnostics;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// The Debian 12 root tarball (GRUB, cloud-init) that <c>scripts/build-debian-tarball.sh</c> makes with
/// mmdebstrap, built once per test run into its cache (<c>$INGOT_CACHE</c>, else <c>/var/cache/ingot</c>),
/// which a second run only reads.
/// </summary>
internal static class DebianTarball
{
    private static readonly Lazy<Task<string>> s_built = new(BuildAsync);

    /// <summary>
    /// The tarball's path. The Debian tests run by default (a cold build took 62 s and the VM walk under 4 min on a
    /// quiet host); INGOT_E2E_DEBIAN=0 leaves them out, for a quick run on a loaded machine. Skipped when mmdebstrap
    /// is absent (the test command installs it).
    /// </summary>
    public static async Task<string> PathAsync()
    {
        if (Environment.GetEnvironmentVariable("INGOT_E2E_DEBIAN") == "0")
        {
            Assert.Skip("left out with INGOT_E2E_DEBIAN=0 (they run by default: docs/deploy-notes.md)");
        }

        if (!HostCommand.Exists("mmdebstrap") && !HostCommand.Exists("/usr/bin/mmdebstrap"))
        {
            Assert.Skip("mmdebstrap is absent (scripts/install-test-packages.sh installs it)");
        }

        return await s_built.Value;
    }

    private static async Task<string> BuildAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(EphemeralImage.RepositoryRoot(), "scripts", "build-debian-tarball.sh"));
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/build-debian-tarball.sh did not finish within 20 minutes: {await stdout}{await stderr}");
        }

        return process.ExitCode switch
        {
            0 => (await stdout).TrimEnd().Split('\n')[^1],
            3 => throw new InvalidOperationException($"The Debian tarball cannot be built: the Debian archive cannot be reached. {await stderr}"),
            int code => throw new InvalidOperationException($"scripts/build-debian-tarball.sh failed ({code}): {await stdout}{await stderr}"),
        };
    }
}
