using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingot.Core.Registration;

/// <summary>
/// The report <see cref="RegistrationScript"/> posts, one fact per line (<c>arch x86_64</c>,
/// <c>cpu_count 4</c>, <c>disk sda &lt;sectors&gt; &lt;ro&gt; &lt;removable&gt; &lt;rotational&gt; &lt;block size&gt; &lt;serial&gt; &lt;model…&gt;</c>,
/// <c>net eth0 &lt;mac&gt; &lt;operstate&gt; &lt;mtu&gt; &lt;arp type&gt;</c>, …), turned into the
/// <c>machine-resources</c> document the commissioning inventory parses, so the hardware lands on the
/// machine exactly as commissioning output would. Unknown lines are ignored; a report without the
/// header line, or with a malformed known line, is refused (null and a reason). Pure.
/// </summary>
public static class LiveHostReport
{
    public const string Header = "ingot-registration 1";

    /// <summary>Linux's ARP hardware type of Ethernet (<c>/sys/class/net/*/type</c>).</summary>
    private const string Ethernet = "1";

    public static byte[]? ToMachineResources(string report, out string? error)
    {
        error = null;
        string[] lines = report.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            error = $"Not an Ingot registration report (the first line must be '{Header}').";
            return null;
        }

        var environment = new JsonObject { ["kernel_architecture"] = "", ["os_name"] = "", ["os_version"] = "" };
        var cpu = new JsonObject { ["architecture"] = "", ["total"] = 0 };
        var memory = new JsonObject { ["total"] = 0L };
        var disks = new JsonArray();
        var networks = new JsonObject();
        string model = "";
        long mhz = 0;
        foreach (string raw in lines.Skip(1))
        {
            string[] f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0)
            {
                continue;
            }

            string rest = f.Length > 1 ? raw.Trim()[(f[0].Length + 1)..].Trim() : "";
            switch (f[0])
            {
                case "arch":
                    environment["kernel_architecture"] = rest;
                    cpu["architecture"] = rest;
                    break;
                case "cpu_count" when f.Length == 2 && int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count):
                    cpu["total"] = count;
                    break;
                case "cpu_model":
                    model = rest;
                    break;
                case "cpu_mhz":
                    mhz = double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out double speed) ? (long)speed : 0;
                    break;
                case "mem_total_kib" when f.Length == 2 && long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kib):
                    memory["total"] = kib * 1024;
                    break;
                case "os":
                    environment["os_name"] = f.Length > 1 ? f[1] : "";
                    environment["os_version"] = f.Length > 2 ? f[2] : "";
                    break;
                case "disk" when f.Length >= 8 && Numbers(f[2..7]) is { } d:
                    disks.Add(new JsonObject
                    {
                        ["id"] = f[1],
                        ["type"] = f[1].StartsWith("nvme", StringComparison.Ordinal) ? "nvme" : f[1].StartsWith("vd", StringComparison.Ordinal) ? "virtio" : "scsi",
                        ["size"] = d[0] * 512,
                        ["read_only"] = d[1] == 1,
                        ["removable"] = d[2] == 1,
                        ["rpm"] = d[3] == 1 ? 1 : 0,
                        ["block_size"] = d[4],
                        ["serial"] = f[7] == "-" ? "" : f[7],
                        ["model"] = string.Join(' ', f[8..]),
                    });
                    break;
                case "net" when f.Length == 6:
                    networks[f[1]] = new JsonObject
                    {
                        ["type"] = f[5] == Ethernet ? "broadcast" : "other",
                        ["hwaddr"] = f[2],
                        ["state"] = f[3] == "up" ? "up" : "down",
                        ["mtu"] = int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int mtu) ? mtu : 0,
                        ["addresses"] = new JsonArray(),
                    };
                    break;
                case "arch" or "cpu_count" or "mem_total_kib" or "disk" or "net":
                    error = $"Malformed report line: {raw}";
                    return null;
                default:
                    break;
            }
        }

        cpu["sockets"] = new JsonArray(new JsonObject { ["name"] = model, ["frequency"] = mhz, ["cores"] = new JsonArray() });
        var document = new JsonObject
        {
            ["api_version"] = "1.0",
            ["environment"] = environment,
            ["resources"] = new JsonObject
            {
                ["cpu"] = cpu,
                ["memory"] = memory,
                ["storage"] = new JsonObject { ["disks"] = disks },
                ["network"] = new JsonObject { ["cards"] = new JsonArray() },
            },
            ["networks"] = networks,
        };
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static long[]? Numbers(string[] fields)
    {
        var numbers = new long[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers;
    }
}
