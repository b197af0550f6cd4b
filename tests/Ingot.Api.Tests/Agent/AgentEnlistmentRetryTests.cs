namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The ephemeral agent's enlistment (<c>enlist.sh</c> over <c>maas-api.sh</c>) runs for real with busybox
/// against a loopback region in trouble (<see cref="FlakyRegion"/>): a 5xx answer or a refused connection is
/// tried again with a growing pause, bounded; a 4xx is the region's answer, reported and not retried.
/// </summary>
public sealed class AgentEnlistmentRetryTests : IDisposable
{
    private const string Preseed = "datasource:\n  MAAS:\n    consumer_key: ck\n    metadata_url: \"http://127.0.0.1/MAAS/metadata/\"\n    token_key: tk\n    token_secret: ts\n";
    private readonly DirectoryInfo _run = Directory.CreateTempSubdirectory("ingot-agent-enlist-");

    public void Dispose() => _run.Delete(recursive: true);

    private static (int, string, string?) Region(string method, string target, int attempt, params int[] createFailures) => (method, target) switch
    {
        ("GET", _) when target.Contains("op=is_registered", StringComparison.Ordinal) => (200, "false", null),
        ("POST", "/MAAS/api/2.0/machines/") when attempt <= createFailures.Length => (createFailures[attempt - 1], "the region is busy", createFailures[attempt - 1] == 503 ? "1" : null),
        ("POST", "/MAAS/api/2.0/machines/") => (200, "{\"system_id\": \"flk001\", \"status_name\": \"Commissioning\"}", null),
        ("GET", _) when target.Contains("op=get_preseed", StringComparison.Ordinal) => (200, Preseed, null),
        _ => (404, "unknown", null),
    };

    private Task<(int ExitCode, string Stdout, string Stderr)> EnlistAsync(string metadataUrl, int retrySeconds = 120) =>
        AgentShell.RunAsync(
            $". ./maas-api.sh && . ./enlist.sh && METADATA_URL={metadataUrl} && enlist; rc=$?; echo \"result: rc=$rc system=$SYSTEM_ID token=$TOKEN_KEY\"; exit $rc",
            new Dictionary<string, string> { ["INGOT_RUN_DIR"] = _run.FullName, ["INGOT_HTTP_RETRY_SECONDS"] = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(2));

    [Fact]
    public async Task The_agent_enlists_once_machines_create_stops_answering_503_and_504()
    {
        AgentShell.SkipWithoutBusybox();
        await using var region = new FlakyRegion((m, t, n) => Region(m, t, n, 503, 504, 500));

        (int exit, string console, string errors) = await EnlistAsync(region.MetadataUrl);

        Assert.True(exit == 0, $"the agent failed ({exit}):\n{console}\n{errors}");
        Assert.Contains("result: rc=0 system=flk001 token=tk", console, StringComparison.Ordinal);
        Assert.Equal(4, region.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.Contains("/MAAS/api/2.0/machines/ answered 503, again in 1 s", console, StringComparison.Ordinal);
        Assert.Contains("/MAAS/api/2.0/machines/ answered 504, again in 2 s", console, StringComparison.Ordinal);
        Assert.Contains("/MAAS/api/2.0/machines/ answered 500, again in 4 s", console, StringComparison.Ordinal);
        Assert.Contains("agent: enlisted as flk001", console, StringComparison.Ordinal);
        Assert.All(region.Requests.Where(r => r.Method == "POST"), r => Assert.Contains("commission=True", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_4xx_from_machines_create_is_reported_and_not_retried()
    {
        AgentShell.SkipWithoutBusybox();
        await using var region = new FlakyRegion((m, t, n) => Region(m, t, n, 400, 400));

        (int exit, string console, _) = await EnlistAsync(region.MetadataUrl);

        Assert.Equal(1, exit);
        Assert.Equal(1, region.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.Contains("/MAAS/api/2.0/machines/ answered 400, not retried: wget: server returned error: HTTP/1.1 400 Bad Request", console, StringComparison.Ordinal);
        Assert.Contains("agent: enlistment failed", console, StringComparison.Ordinal);
        Assert.DoesNotContain("again in", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_that_refuses_connections_is_retried_until_the_bound_then_reported()
    {
        AgentShell.SkipWithoutBusybox();
        string url = $"http://127.0.0.1:{FlakyRegion.ClosedPort()}/MAAS/metadata/";

        (int exit, string console, _) = await EnlistAsync(url, retrySeconds: 3);

        Assert.Equal(1, exit);
        Assert.Contains("/MAAS/api/2.0/machines/ failed (can't connect to remote host (127.0.0.1): Connection refused), again in 1 s", console, StringComparison.Ordinal);
        Assert.Contains("/MAAS/api/2.0/machines/ failed (can't connect to remote host (127.0.0.1): Connection refused), again in 2 s", console, StringComparison.Ordinal);
        Assert.Contains("/MAAS/api/2.0/machines/ failed (can't connect to remote host (127.0.0.1): Connection refused); gave up after 3 s of retries", console, StringComparison.Ordinal);
        Assert.Contains("agent: enlistment failed", console, StringComparison.Ordinal);
    }
}
