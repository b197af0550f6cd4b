using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Tags;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>inventory</c>: the CPU work of commissioning output and automatic tags, per machine. Times
/// parsing the two-socket fixture and applying it to a machine (<c>--count</c> machines per
/// repetition), and merging lshw + LLDP details and evaluating two tag definitions on them (what
/// tag population does for each machine, without the store).
/// </summary>
internal static class InventoryBenchmark
{
    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("count", 1000);
        int reps = options.Number("reps", 11);
        int warmups = options.Number("warmups", 2);
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        byte[] resources = File.ReadAllBytes(Path.Combine(fixtures, "dual-socket-nvme-bond-25g.json"));
        var details = new HardwareDetails(File.ReadAllBytes(Path.Combine(fixtures, "lshw-supermicro.xml")), File.ReadAllBytes(Path.Combine(fixtures, "lldp-tor.xml")));
        TagDefinition[] definitions =
        [
            TagDefinition.Compile("//node[@id='cpu']//capability/@id = 'vmx' and //node[@id='memory']/size >= 17179869184"),
            TagDefinition.Compile("//lldp:chassis/lldp:name = 'tor-switch-1'"),
        ];
        Report.Line($"inventory: {resources.Length} bytes of machine-resources output, {details.Lshw!.Length} bytes of lshw, {count} machines per repetition");

        int matched = 0;
        var parse = await Timing.MeasureAsync($"parse + apply x{count}", warmups, reps, () =>
        {
            for (int i = 0; i < count; i++)
            {
                InventoryParseResult result = InventoryParser.Parse(resources);
                Machine machine = Machine.Create("bench1", "bench", DateTime.UnixEpoch);
                machine.ApplyInventory(result.Inventory!, DateTime.UnixEpoch);
            }

            return Task.CompletedTask;
        });
        var tags = await Timing.MeasureAsync($"merge details + 2 definitions x{count}", warmups, reps, () =>
        {
            for (int i = 0; i < count; i++)
            {
                var document = HardwareDetailsDocument.Merge(details);
                foreach (TagDefinition definition in definitions)
                {
                    matched += definition.Matches(document) ? 1 : 0;
                }
            }

            return Task.CompletedTask;
        });
        Report.Line($"per machine: parse + apply {parse.Median * 1000 / count:0} µs, merge + evaluate {tags.Median * 1000 / count:0} µs (matches counted: {matched})");
        ct.ThrowIfCancellationRequested();
    }
}
