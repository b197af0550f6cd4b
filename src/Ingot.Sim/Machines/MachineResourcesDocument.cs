using System.Globalization;
using System.Text.Json.Nodes;

namespace Ingot.Sim.Machines;

/// <summary>
/// What <c>50-maas-01-commissioning</c> prints on a machine of this profile: the machine-resources
/// (LXD resources API) document, <c>{"api_version", "environment", "resources", "networks"}</c>, with
/// the profile's CPUs (sockets, cores, threads), memory, disks, NICs with their MACs and link speeds,
/// and the system's vendor, product and firmware. Ingot's inventory parser reads it like a real one.
/// </summary>
public static class MachineResourcesDocument
{
    public static JsonObject Build(HardwareProfile profile, Guid uuid, string? bootAddress)
    {
        string kernelArch = profile.Architecture == "arm64" ? "aarch64" : "x86_64";
        return new JsonObject
        {
            ["api_version"] = "1.0",
            ["api_extensions"] = new JsonArray("resources", "resources_v2", "api_os", "resources_system", "resources_usb_pci", "resources_network_usb", "resources_disk_address", "resources_cpu_isolated", "resources_disk_id"),
            ["environment"] = new JsonObject
            {
                ["kernel"] = "Linux",
                ["kernel_architecture"] = kernelArch,
                ["kernel_version"] = "6.8.0-45-generic",
                ["os_name"] = "ubuntu",
                ["os_version"] = "24.04",
                ["server"] = "maas-machine-resources",
                ["server_name"] = "ephemeral",
                ["server_version"] = "5.21",
            },
            ["resources"] = new JsonObject
            {
                ["cpu"] = Cpu(profile, kernelArch),
                ["memory"] = Memory(profile),
                ["gpu"] = new JsonObject { ["cards"] = new JsonArray(), ["total"] = 0 },
                ["network"] = Network(profile),
                ["storage"] = Storage(profile),
                ["usb"] = new JsonObject { ["devices"] = new JsonArray(), ["total"] = 0 },
                ["pci"] = new JsonObject { ["devices"] = new JsonArray(), ["total"] = 0 },
                ["system"] = System(profile, uuid),
            },
            ["networks"] = Networks(profile, bootAddress),
        };
    }

    private static JsonObject Cpu(HardwareProfile p, string kernelArch)
    {
        var sockets = new JsonArray();
        int id = 0;
        for (int s = 0; s < p.Sockets; s++)
        {
            var cores = new JsonArray();
            for (int c = 0; c < p.CoresPerSocket; c++)
            {
                var threads = new JsonArray();
                for (int t = 0; t < p.ThreadsPerCore; t++)
                {
                    threads.Add(new JsonObject { ["id"] = id++, ["numa_node"] = s, ["thread"] = t, ["online"] = true, ["isolated"] = false });
                }

                cores.Add(new JsonObject { ["core"] = c, ["die"] = 0, ["threads"] = threads, ["frequency"] = 2100 });
            }

            sockets.Add(new JsonObject
            {
                ["name"] = p.CpuModel,
                ["vendor"] = p.CpuModel.StartsWith("AMD", StringComparison.Ordinal) ? "AuthenticAMD" : "GenuineIntel",
                ["socket"] = s,
                ["cache"] = new JsonArray(),
                ["cores"] = cores,
                ["frequency"] = 2100,
                ["frequency_minimum"] = 800,
                ["frequency_turbo"] = 3300,
            });
        }

        return new JsonObject { ["architecture"] = kernelArch, ["total"] = p.CpuCount, ["sockets"] = sockets };
    }

    private static JsonObject Memory(HardwareProfile p)
    {
        long total = p.MemoryMiB * 1024 * 1024;
        var nodes = new JsonArray();
        for (int s = 0; s < p.Sockets; s++)
        {
            nodes.Add(new JsonObject { ["numa_node"] = s, ["hugepages_used"] = 0, ["hugepages_total"] = 0, ["used"] = 0, ["total"] = total / p.Sockets });
        }

        return new JsonObject { ["hugepages_total"] = 0, ["hugepages_used"] = 0, ["hugepages_size"] = 2097152, ["used"] = 0, ["total"] = total, ["nodes"] = nodes };
    }

    private static JsonObject Network(HardwareProfile p)
    {
        var cards = new JsonArray();
        for (int i = 0; i < p.Nics.Count; i++)
        {
            SimulatedNic nic = p.Nics[i];
            cards.Add(new JsonObject
            {
                ["driver"] = nic.SpeedMbps >= 25000 ? "mlx5_core" : "ixgbe",
                ["driver_version"] = "6.8.0",
                ["numa_node"] = 0,
                ["pci_address"] = Pci(3 + i),
                ["vendor"] = nic.SpeedMbps >= 25000 ? "Mellanox Technologies" : "Intel Corporation",
                ["vendor_id"] = nic.SpeedMbps >= 25000 ? "15b3" : "8086",
                ["product"] = "Simulated Ethernet Controller",
                ["product_id"] = "10fb",
                ["ports"] = new JsonArray(new JsonObject
                {
                    ["id"] = nic.Name,
                    ["address"] = nic.Mac,
                    ["port"] = 0,
                    ["protocol"] = "ethernet",
                    ["supported_modes"] = new JsonArray($"{nic.SpeedMbps}baseT/Full"),
                    ["auto_negotiation"] = true,
                    ["link_detected"] = true,
                    ["link_speed"] = nic.SpeedMbps,
                    ["link_duplex"] = "full",
                }),
            });
        }

        return new JsonObject { ["total"] = cards.Count, ["cards"] = cards };
    }

    private static JsonObject Storage(HardwareProfile p)
    {
        var disks = new JsonArray();
        for (int i = 0; i < p.Disks.Count; i++)
        {
            SimulatedDisk d = p.Disks[i];
            bool nvme = d.Name.StartsWith("nvme", StringComparison.Ordinal);
            disks.Add(new JsonObject
            {
                ["id"] = d.Name,
                ["device"] = string.Create(CultureInfo.InvariantCulture, $"{(nvme ? 259 : 8)}:{i * 16}"),
                ["model"] = d.Model,
                ["type"] = nvme ? "nvme" : "sata",
                ["read_only"] = false,
                ["size"] = d.SizeBytes,
                ["removable"] = false,
                ["numa_node"] = 0,
                ["device_path"] = string.Create(CultureInfo.InvariantCulture, $"pci-{Pci(10 + i)}-{(nvme ? "nvme-1" : "ata-1")}"),
                ["block_size"] = 512,
                ["firmware_version"] = "1.0",
                ["rpm"] = d.Ssd ? 0 : 7200,
                ["serial"] = d.Serial,
                ["device_id"] = $"wwn-0x5000{d.Serial}",
                ["partitions"] = new JsonArray(),
            });
        }

        return new JsonObject { ["total"] = disks.Count, ["disks"] = disks };
    }

    private static JsonObject System(HardwareProfile p, Guid uuid) => new()
    {
        ["uuid"] = uuid.ToString(),
        ["vendor"] = p.Vendor,
        ["product"] = p.Product,
        ["family"] = "Simulated",
        ["version"] = "1.0",
        ["sku"] = p.Name,
        ["serial"] = uuid.ToString("N")[..12].ToUpperInvariant(),
        ["type"] = "physical",
        ["firmware"] = new JsonObject
        {
            ["date"] = "01/15/2026",
            ["vendor"] = p.Firmware == Firmware.Bios ? "Ingot BIOS" : "Ingot UEFI",
            ["version"] = "2.1.0",
        },
        ["chassis"] = new JsonObject { ["serial"] = "", ["type"] = "Rack Mount Chassis", ["vendor"] = p.Vendor, ["version"] = "1.0" },
        ["motherboard"] = new JsonObject { ["serial"] = "", ["product"] = "SIM-MB", ["vendor"] = p.Vendor, ["version"] = "1.0" },
    };

    private static JsonObject Networks(HardwareProfile p, string? bootAddress)
    {
        var networks = new JsonObject
        {
            ["lo"] = Link("", "loopback", [("inet", "127.0.0.1", "8", "local")], 65536),
        };
        for (int i = 0; i < p.Nics.Count; i++)
        {
            SimulatedNic nic = p.Nics[i];
            (string, string, string, string)[] addresses = i == 0 && bootAddress is not null ? [("inet", bootAddress, "24", "global")] : [];
            networks[nic.Name] = Link(nic.Mac, "broadcast", addresses, 1500);
        }

        return networks;
    }

    private static JsonObject Link(string mac, string type, (string Family, string Address, string Netmask, string Scope)[] addresses, int mtu) => new()
    {
        ["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode)new JsonObject { ["family"] = a.Family, ["address"] = a.Address, ["netmask"] = a.Netmask, ["scope"] = a.Scope })]),
        ["counters"] = new JsonObject { ["bytes_received"] = 0, ["bytes_sent"] = 0, ["packets_received"] = 0, ["packets_sent"] = 0 },
        ["hwaddr"] = mac,
        ["mtu"] = mtu,
        ["state"] = "up",
        ["type"] = type,
        ["bond"] = null,
        ["bridge"] = null,
        ["vlan"] = null,
    };

    private static string Pci(int slot) => string.Create(CultureInfo.InvariantCulture, $"0000:{slot:x2}:00.0");
}
