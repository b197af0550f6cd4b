using Ingot.Power.Processes;

namespace Ingot.Power.Tests;

/// <summary>Finding and running the real tools the tests drive (FreeIPMI, ipmi_sim, redfishtool, python3).</summary>
internal static class Tools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/usr/sbin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    public static string Skip(string reason)
    {
        Assert.Skip(reason);
        return "";
    }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct)
    {
        ProcessResult result = await new ProcessRunner().RunAsync(new ProcessInvocation(file, args), TimeSpan.FromSeconds(60), ct);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
