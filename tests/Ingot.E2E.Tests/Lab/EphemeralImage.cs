using System.Diagnostics;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// Ingot's ephemeral image, built once per test run by <c>scripts/build-ephemeral-image.sh</c> into the
/// repository's ignored <c>.build/ephemeral</c> (the script skips the build when nothing changed). When
/// the Debian archive cannot be reached (exit 3) the boot tests fail saying so: they cannot boot anything.
/// </summary>
internal static class EphemeralImage
{
    private static readonly Lazy<Task<string>> s_built = new(BuildAsync);

    /// <summary>The directory holding <c>vmlinuz</c> and <c>initrd.img</c>.</summary>
    public static Task<string> DirectoryAsync() => s_built.Value;

    private static async Task<string> BuildAsync()
    {
        string root = RepositoryRoot();
        string output = Path.Combine(root, ".build", "ephemeral");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "build-ephemeral-image.sh"));
        start.ArgumentList.Add(output);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/build-ephemeral-image.sh did not finish within ten minutes: {await stdout}{await stderr}");
        }

        return process.ExitCode switch
        {
            0 => output,
            3 => throw new InvalidOperationException($"The ephemeral image cannot be built: the Debian archive cannot be reached to download the kernel. {await stderr}"),
            int code => throw new InvalidOperationException($"scripts/build-ephemeral-image.sh failed ({code}): {await stdout}{await stderr}"),
        };
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
