using System.Diagnostics;
using System.Text;

namespace Ingot.E2E.Tests.Lab;

/// <summary>Runs a host command (ip, qemu-img…) to completion, bounded, and fails with its output.</summary>
internal static class HostCommand
{
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var (code, output) = await TryRunAsync(file, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' exited with {code}: {output}");
        }

        return output;
    }

    public static async Task<(int Code, string Output)> TryRunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', args)}' did not finish within 30 s");
        }

        var output = new StringBuilder(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString().Trim());
    }

    /// <summary>Whether <paramref name="file"/> is an executable on PATH or an absolute path.</summary>
    public static bool Exists(string file) =>
        Path.IsPathRooted(file)
            ? File.Exists(file)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, file)));

    public static bool IsRoot => Environment.UserName == "root";
}
