using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Ingot.Core.Inventory;

/// <summary>
/// Reads the JSON that <c>50-maas-01-commissioning</c> prints (MAAS's <c>machine-resources</c>:
/// <c>api_version</c>, <c>api_extensions</c>, <c>environment</c>, <c>resources</c> in the layout of
/// LXD's resources API, <c>networks</c> in the layout of LXD's network state) into a
/// <see cref="MachineInventory"/>, mapping fields as MAAS's <c>process_lxd_results</c> does. Pure.
/// Tolerant: a field that is missing or of the wrong kind reads as empty. Refused, with MAAS's
/// reasons: a document that is not a JSON object ("invalid JSON data"), an <c>api_version</c> other
/// than 1.0, a list of <c>api_extensions</c> that lacks one MAAS requires. A bare LXD resources
/// document (no <c>resources</c> key) is read as the resources.
/// </summary>
public static partial class InventoryParser
{
    private static readonly string[] s_requiredExtensions = ["api_os", "resources", "resources_system", "resources_usb_pci", "resources_v2"];

    public static InventoryParseResult Parse(ReadOnlySpan<byte> json)
    {
        // MAAS decodes the output as UTF-8 before reading the JSON; bytes that are not UTF-8 are not JSON.
        if (!Utf8.IsValid(json))
        {
            return InventoryParseResult.Failed("invalid JSON data");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return InventoryParseResult.Failed("invalid JSON data");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InventoryParseResult.Failed("invalid JSON data");
            }

            try
            {
                return Refusal(root) is { } refusal ? InventoryParseResult.Failed(refusal) : InventoryParseResult.Ok(Read(root));
            }
            catch (InvalidOperationException)
            {
                // A string escape that is no text (a lone surrogate, "\ud800") surfaces only when the string is read.
                return InventoryParseResult.Failed("invalid JSON data");
            }
        }
    }

    private static string? Refusal(JsonElement root)
    {
        if (root.Has("api_version") && root.String("api_version") != "1.0")
        {
            return "Data not from LXD API 1.0!";
        }

        if (root.Has("api_extensions"))
        {
            HashSet<string> present = [.. root.Strings("api_extensions")];
            string[] missing = [.. s_requiredExtensions.Where(e => !present.Contains(e))];
            if (missing.Length > 0)
            {
                return $"Missing required LXD API extensions [{string.Join(", ", missing.Select(m => $"'{m}'"))}]";
            }
        }

        return null;
    }

    private static MachineInventory Read(JsonElement root)
    {
        JsonElement resources = root.Has("resources") ? root.Object("resources") : root;
        JsonElement environment = root.Object("environment");
        string kernelArchitecture = environment.String("kernel_architecture");
        if (kernelArchitecture.Length == 0)
        {
            kernelArchitecture = resources.Object("cpu").String("architecture");
        }

        (int cpuCount, int cpuSpeed, string cpuModel, Dictionary<int, List<int>> cores) = ReadCpu(resources.Object("cpu"));
        JsonElement memory = resources.Object("memory");
        return new MachineInventory
        {
            CpuCount = cpuCount,
            CpuSpeed = cpuSpeed,
            CpuModel = cpuModel,
            KernelArchitecture = kernelArchitecture,
            Architecture = KernelArchitectures.ToMaas(kernelArchitecture),
            OsName = environment.String("os_name"),
            OsVersion = environment.String("os_version"),
            Memory = Mebibytes(memory.Long("total")),
            HugepagesSize = memory.Long("hugepages_size"),
            NumaNodes = ReadNumaNodes(memory, cores),
            Disks = ReadDisks(resources.Object("storage")),
            Interfaces = ReadInterfaces(resources.Object("network"), root.Has("networks") ? root.Object("networks") : (JsonElement?)null),
            Devices = ReadDevices(resources),
            System = ReadSystem(resources.Object("system")),
        };
    }

    private static long Mebibytes(long bytes) => bytes / (1024 * 1024);

    /// <summary>
    /// MAAS's <c>parse_lxd_cpuinfo</c>: the count is <c>total</c>; the model is the sockets' common name
    /// up to " @"; the speed comes from the name's "@ x.xxGHz", else the highest <c>frequency_turbo</c>,
    /// else the sockets' average <c>frequency</c> rounded to 100 MHz; threads are grouped by NUMA node.
    /// </summary>
    private static (int Count, int Speed, string Model, Dictionary<int, List<int>> Cores) ReadCpu(JsonElement cpu)
    {
        List<JsonElement> sockets = [.. cpu.Array("sockets")];
        var cores = new Dictionary<int, List<int>>();
        var names = new List<string>();
        foreach (JsonElement socket in sockets)
        {
            if (socket.Has("name"))
            {
                names.Add(socket.String("name"));
            }

            foreach (JsonElement core in socket.Array("cores"))
            {
                foreach (JsonElement thread in core.Array("threads"))
                {
                    int node = thread.Int("numa_node");
                    if (!cores.TryGetValue(node, out List<int>? list))
                    {
                        cores[node] = list = [];
                    }

                    list.Add(thread.Int("id"));
                }
            }
        }

        string model = "";
        int speed = 0;
        if (names.Count > 0 && names.All(n => n == names[0]))
        {
            string name = names[0];
            int newline = name.IndexOf('\n', StringComparison.Ordinal);
            model = newline >= 0 ? name[..newline] : name;
            int at = model.IndexOf(" @", StringComparison.Ordinal);
            model = at >= 0 ? model[..at] : model;
            if (GigahertzSuffix().Match(name) is { Success: true } m)
            {
                speed = (int)(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000);
            }
        }

        if (speed == 0)
        {
            long turbo = sockets.Count == 0 ? 0 : sockets.Max(s => s.Long("frequency_turbo"));
            if (turbo > 0)
            {
                speed = (int)Math.Min(turbo, int.MaxValue);
            }
            else if (sockets.Count > 0)
            {
                double average = sockets.Sum(s => (double)s.Long("frequency")) / sockets.Count;
                speed = (int)(Math.Round(average / 100, MidpointRounding.ToEven) * 100);
            }
        }

        return (cpu.Int("total"), speed, model, cores);
    }

    /// <summary>MAAS's <c>_parse_memory</c>: each node's <c>total</c> in MiB (one node 0 with all memory when none are listed).</summary>
    private static List<InventoryNumaNode> ReadNumaNodes(JsonElement memory, Dictionary<int, List<int>> cores)
    {
        var nodes = new SortedDictionary<int, InventoryNumaNode>();
        bool listed = false;
        foreach (JsonElement node in memory.Array("nodes"))
        {
            listed = true;
            int index = node.Int("numa_node");
            nodes[index] = new InventoryNumaNode(index, cores.GetValueOrDefault(index) ?? [], Mebibytes(node.Long("total")), node.Long("hugepages_total"));
        }

        if (!listed)
        {
            nodes[0] = new InventoryNumaNode(0, cores.GetValueOrDefault(0) ?? [], Mebibytes(memory.Long("total")), 0);
        }

        foreach ((int index, List<int> threads) in cores)
        {
            nodes.TryAdd(index, new InventoryNumaNode(index, threads, 0, 0));
        }

        return [.. nodes.Values];
    }

    [GeneratedRegex(@"\s@\s(\d+\.\d+)GHz$", RegexOptions.Multiline)]
    private static partial Regex GigahertzSuffix();
}
