using System.Diagnostics;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// The deployable raw disk image <c>scripts/build-deploy-image.sh</c> makes from the ephemeral image
/// (<c>.build/deploy/disk.img</c>), built once per test run.
/// </summary>
internal static class DeployImage
{
    private static readonly Lazy<Task<string>> s_built = new(BuildAsync);

    public static Task<string> PathAsync() => s_built.Value;

    private static async Task<string> BuildAsync()
    {
        string ephemeral = await EphemeralImage.DirectoryAsync();
        string output = Path.Combine(EphemeralImage.RepositoryRoot(), ".build", "deploy", "disk.img");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(EphemeralImage.RepositoryRoot(), "scripts", "build-deploy-image.sh"));
        start.ArgumentList.Add(ephemeral);
        start.ArgumentList.Add(output);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/build-deploy-image.sh did not finish within two minutes: {await stdout}{await stderr}");
        }

        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/build-deploy-image.sh failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
