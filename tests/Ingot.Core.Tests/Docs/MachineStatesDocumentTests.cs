using Ingot.Core.Machines;
using Ingot.Core.Machines.Docs;

namespace Ingot.Core.Tests.Docs;

/// <summary>
/// docs/machine-states.md is generated from the table: this test fails when the committed file is
/// stale, and rewrites it when INGOT_UPDATE_DOCS=1 (then still compares).
/// </summary>
public class MachineStatesDocumentTests
{
    [Fact]
    public void The_committed_document_matches_the_table()
    {
        string path = Path.Combine(RepositoryRoot(), MachineStatesDocument.RelativePath);
        string rendered = MachineStatesDocument.Render();
        if (Environment.GetEnvironmentVariable("INGOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        string committed = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(
            committed == rendered,
            $"{MachineStatesDocument.RelativePath} is stale. Regenerate it with: {MachineStatesDocument.RegenerateCommand}");
    }

    [Fact]
    public void The_diagram_has_every_status_and_every_transition()
    {
        string rendered = MachineStatesDocument.Render();
        Assert.Contains("stateDiagram-v2", rendered);
        Assert.Contains("    state \"Releasing failed\" as FAILED_RELEASING\n", rendered);
        Assert.Contains("    [*] --> NEW\n", rendered);
        Assert.Contains("    RETIRED --> NEW\n", rendered);
        int edges = NodeTransitions.Table.Values.Sum(targets => targets.Count) + NodeTransitions.Initial.Count;
        Assert.Equal(edges, rendered.Split('\n').Count(line => line.Contains(" --> ", StringComparison.Ordinal)));
        Assert.Equal(23, rendered.Split('\n').Count(line => line.StartsWith("    state \"", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_status_table_shows_values_failure_targets_and_timeouts()
    {
        string rendered = MachineStatesDocument.Render();
        Assert.Contains("| 1 | COMMISSIONING | Commissioning | Commissioning |  | FAILED_COMMISSIONING | node_timeout (default 30 min) |", rendered);
        Assert.Contains("| 12 | RELEASING | Releasing | Releasing |  | FAILED_RELEASING | 5 min (fixed) |", rendered);
        Assert.Contains("| 13 | FAILED_RELEASING | Releasing failed | Failed | yes |  | — |", rendered);
        Assert.Contains("| TESTING | → previous_status * | → FAILED_TESTING |", rendered);
        Assert.Contains("| DEPLOYED | → READY * | 409 (table) | · |", rendered);
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
