namespace Ingot.Api.Tests.Clients;

/// <summary>
/// The gomaasapi flow program (<c>tests/clients/gomaasapi/main.go</c>), built once per test run with its
/// <c>build.sh</c> into a temporary directory. Building needs Go and Debian's
/// <c>golang-github-juju-gomaasapi-dev</c> (<c>scripts/install-test-packages.sh</c> installs both).
/// </summary>
public sealed class GomaasapiProgram : IAsyncLifetime
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ingot-gomaasapi-");

    public string Path { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        string script = System.IO.Path.Combine(RepositoryRoot(), "tests", "clients", "gomaasapi", "build.sh");
        ProcessOutcome build = await ProcessOutcome.RunAsync("bash", [script, _directory.FullName], s_buildTimeout);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Building the gomaasapi program failed (exit {build.ExitCode}). It needs Go and golang-github-juju-gomaasapi-dev: " +
                $"run scripts/install-test-packages.sh.\n{build.Output}");
        }

        Path = System.IO.Path.Combine(_directory.FullName, "gomaasapi-flow");
    }

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The directory holding <c>Ingot.slnx</c>, found upwards from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ingot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ingot.slnx above {AppContext.BaseDirectory}.");
    }
}
