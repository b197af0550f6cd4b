using System.Diagnostics;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// Runs Ingot's ephemeral agent (<c>scripts/ephemeral/ingot/</c>) for real with busybox, as the image
/// does: <see cref="RunAsync"/> runs a command with <c>busybox sh</c> in the agent's folder, bounded, and
/// ends the whole process tree when the bound passes.
/// </summary>
internal static class AgentShell
{
    public const string Busybox = "/bin/busybox";

    /// <summary>The agent's files in this checkout.</summary>
    public static string AgentDirectory { get; } = Path.Combine(RepositoryRoot(), "scripts", "ephemeral", "ingot");

    public static void SkipWithoutBusybox()
    {
        if (!File.Exists(Busybox))
        {
            Assert.Skip($"{Busybox} is absent (busybox-static from scripts/install-test-packages.sh)");
        }
    }

    /// <summary>Runs <paramref name="command"/> with <c>busybox sh -c</c>; the exit status, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string command, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Busybox) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AgentDirectory };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(limit);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"the agent did not finish within {limit}:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
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
