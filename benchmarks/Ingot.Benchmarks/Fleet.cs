using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Data;
using Ingot.Data.Secrets;

namespace Ingot.Benchmarks;

/// <summary>
/// The benchmark's machines: each has 2 interfaces (one linked to a subnet) and 2 disks (the boot
/// disk with a 2-partition table), ipmi power parameters and a status from a realistic mix. Written
/// in bulk, straight through EF (the store's one-transaction-per-machine path would make seeding
/// 50,000 machines take minutes), with the columns the store itself writes.
/// </summary>
internal static class Fleet
{
    /// <summary>The shadow column names of Ingot.Data's model (Model/ShadowColumns.cs).</summary>
    private const string PowerParametersColumn = "PowerParametersProtected";
    private const string PowerAddressColumn = "PowerAddress";
    private const int Batch = 1000;

    public static async Task SeedAsync(IngotDatabase database, SecretsAtRest secrets, int count, int ready, DateTime now, CancellationToken ct)
    {
        // Spread the READY machines evenly through the id range, as a real fleet would have them.
        int stride = ready > 0 ? Math.Max(1, count / ready) : int.MaxValue;
        for (int start = 0; start < count; start += Batch)
        {
            await using IngotDbContext db = database.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (int i = start; i < Math.Min(count, start + Batch); i++)
            {
                bool isReady = ready > 0 && i % stride == 0 && i / stride < ready;
                Machine machine = Build(i, isReady, now);
                var entry = db.Add(machine);
                entry.Property<string>(PowerParametersColumn).CurrentValue = secrets.ProtectPowerParameters(machine.PowerParameters);
                entry.Property<string?>(PowerAddressColumn).CurrentValue = machine.PowerParameters["power_address"];
                entry.Property(m => m.Version).CurrentValue = 1;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    public static string SystemId(int index) => $"b{index:x7}";

    private static Machine Build(int i, bool ready, DateTime now)
    {
        Machine m = Machine.Create(SystemId(i), $"node-{i:D6}", now);
        m.Architecture = "amd64/generic";
        m.PowerType = "ipmi";
        m.PowerParameters = new()
        {
            ["power_address"] = $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",
            ["power_user"] = "maas",
            ["power_pass"] = $"secret-{i}",
        };
        m.CpuCount = 4 + (i % 5 * 4);
        m.CpuSpeed = 2400;
        m.CpuModel = "Intel(R) Xeon(R) CPU E5-2680 v4";
        m.Memory = 8192 * (1 + (i % 8));
        m.Tags = i % 3 == 0 ? ["virtual"] : [];
        m.Zone = "default";
        m.Pool = "default";
        m.CommissioningResult = ScriptSetStatus.Passed;
        m.BlockDevices =
        [
            new BlockDevice
            {
                Name = "sda", Model = "QEMU HARDDISK", Serial = $"QM{i:D8}", SizeBytes = 500_107_862_016, IsBootDisk = true, Tags = ["ssd"],
                Partitions =
                [
                    new Partition { SizeBytes = 536_870_912, Bootable = true, Filesystem = new Filesystem { Type = "fat32", MountPoint = "/boot/efi" } },
                    new Partition { SizeBytes = 499_570_991_104, Filesystem = new Filesystem { Type = "ext4", MountPoint = "/" } },
                ],
            },
            new BlockDevice { Name = "sdb", Model = "WDC WD2003FYYS", Serial = $"WD{i:D8}", SizeBytes = 2_000_398_934_016, Tags = ["rotary"] },
        ];
        m.Interfaces =
        [
            new NetworkInterface
            {
                Name = "eth0", MacAddress = Mac(i, 0), LinkSpeed = 10000,
                Links = [new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.0.0.0/16", IpAddress = $"10.0.{(i >> 8) & 255}.{i & 255}" }],
            },
            new NetworkInterface { Name = "eth1", MacAddress = Mac(i, 1), LinkSpeed = 1000 },
        ];
        m.TransitionTo(MachineStatus.Commissioning, now);
        m.TransitionTo(MachineStatus.Ready, now);
        if (!ready)
        {
            // Everything not READY is deployed to someone: the usual state of a busy fleet.
            m.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, now);
            m.SetOwner($"user{i % 20}");
            m.PowerState = PowerState.On;
            m.Osystem = "ubuntu";
            m.DistroSeries = "noble";
        }

        m.Saved(0);
        return m;
    }

    private static MacAddress Mac(int machine, int nic) =>
        MacAddress.Parse($"52:54:{nic:x2}:{(machine >> 16) & 255:x2}:{(machine >> 8) & 255:x2}:{machine & 255:x2}");
}
