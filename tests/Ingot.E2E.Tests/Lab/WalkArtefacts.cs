namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// What a walk leaves for whoever reads its failure (issue 8: serial logs, Ingot's log and the event log as test
/// artefacts), in <see cref="NetworkBootLab.LogDirectory"/> as <c>PREFIX-*</c>: Ingot's output, and for each VM its
/// console, its BMC's control log, qemu's log, the stage times and the events of its machine. Walks call it from a
/// <c>finally</c> block, so that a failed walk keeps what a passed one keeps; <c>test.sh</c> copies them into
/// <c>.ci/out/e2e-logs</c>.
/// </summary>
internal static class WalkArtefacts
{
    public static async Task KeepAsync(string prefix, NetworkBootLab lab, MaasClient maas, params (BmcMachine Vm, BootStages Stages, string SystemId)[] machines)
    {
        string logs = NetworkBootLab.LogDirectory;
        await File.WriteAllTextAsync(Path.Combine(logs, $"{prefix}-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
        foreach ((BmcMachine vm, BootStages stages, string systemId) in machines)
        {
            await vm.KeepLogsAsync(logs, prefix);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{prefix}-{vm.Name}-stages.txt"), stages.ToString(), CancellationToken.None);
            if (systemId.Length > 0)
            {
                await File.WriteAllTextAsync(Path.Combine(logs, $"{prefix}-{vm.Name}-events.json"), await EventsAsync(maas, systemId), CancellationToken.None);
            }
        }
    }

    /// <summary>The machine's events as the REST API gives them, or why they could not be read (Ingot gone, say).</summary>
    private static async Task<string> EventsAsync(MaasClient maas, string systemId)
    {
        try
        {
            return (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).ToString();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            return $"events could not be read: {e.Message}";
        }
    }
}
