namespace Ingot.Client;

/// <summary>How the client runs: where profiles live, whether output is a terminal, how long <c>--wait</c> waits.</summary>
public sealed record ClientOptions(string ProfilesPath, bool Terminal, TimeSpan WaitLimit, TimeSpan PollInterval, TimeProvider Time)
{
    public static ClientOptions Default() => new(
        ProfileStore.DefaultPath(),
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        TimeSpan.FromMinutes(60),
        TimeSpan.FromSeconds(2),
        TimeProvider.System);
}
