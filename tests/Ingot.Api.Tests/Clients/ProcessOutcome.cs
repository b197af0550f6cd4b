using System.Diagnostics;

namespace Ingot.Api.Tests.Clients;

/// <summary>A finished child process: its exit code and its output (stdout then stderr).</summary>
public sealed record ProcessOutcome(int ExitCode, string Output)
{
    /// <summary>Runs <paramref name="file"/> and waits at most <paramref name="timeout"/>, killing it (and its children) after that.</summary>
    public static async Task<ProcessOutcome> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessOutcome(-1, $"{file} did not finish within {timeout}; killed.\n{await stdout}{await stderr}");
        }

        return new ProcessOutcome(process.ExitCode, await stdout + await stderr);
    }
}
