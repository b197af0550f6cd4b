using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Wire.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Tests.Machines;

/// <summary>Machines and contexts for the renderer tests: a rich allocated machine and a bare new one.</summary>
internal static class SampleMachines
{
    public static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    public static readonly VlanInfo Untagged = new(5003, "untagged", 0, "fabric-1", 1, Mtu: 1500, PrimaryRack: "7xtf67", SecondaryRack: "76y7pg", Space: "management");

    public static readonly VlanInfo Storage = new(5010, "storage", 20, "fabric-1", 1, Mtu: 9000);

    public static readonly SubnetInfo Management = new(2, "mgmt", "172.16.2.0/24", Untagged)
    {
        GatewayIp = "172.16.2.1",
        DnsServers = ["172.16.2.1"],
        Space = "management",
    };

    public static MachineJsonContext Context(Machine? withEventFor = null, IReadOnlyDictionary<string, CurrentScriptSets>? scriptSets = null) => new()
    {
        ScriptSets = scriptSets ?? new Dictionary<string, CurrentScriptSets>(),
        Zones = [ZoneInfo.Default, new ZoneInfo(2, "zone-north", "North hall")],
        Pools = [PoolInfo.Default, new PoolInfo(3, "gpu", "GPU machines")],
        Domains = [DomainInfo.Default, new DomainInfo(1, "sample", Ttl: 300)],
        Vlans = [VlanInfo.Default, Untagged, Storage],
        Subnets = [Management],
        LatestEvents = withEventFor is null
            ? new Dictionary<string, MachineEvent>()
            : new Dictionary<string, MachineEvent>
            {
                [withEventFor.SystemId] = new MachineEvent("NODE_CHANGED_STATUS", EventLevel.Info, "From 'Ready' to 'Allocated' (to admin)", Now),
            },
    };

    /// <summary>An allocated amd64 BIOS machine with two NICs (one bonded pair child), two disks and a partitioned boot disk.</summary>
    public static Machine Rich()
    {
        Machine machine = Machine.Create("thr3am", "calm-cod", Now);
        machine.Domain = "sample";
        machine.Description = "Rack 4, slot 7";
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = "pxe";
        machine.CpuCount = 4;
        machine.CpuSpeed = 2400;
        machine.CpuModel = "Intel(R) Xeon(R) CPU E5-2620";
        machine.Memory = 8192;
        machine.PowerType = "ipmi";
        machine.PowerState = PowerState.On;
        machine.Zone = "zone-north";
        machine.Pool = "gpu";
        machine.Tags = ["ssd", "fast"];
        machine.HweKernel = "hwe-22.04";
        machine.MinHweKernel = "ga-22.04";
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.Interfaces =
        [
            new NetworkInterface
            {
                Id = 37,
                Name = "eth0",
                MacAddress = MacAddress.Parse("cb:93:ac:d1:ed:65"),
                LinkSpeed = 1000,
                Links = [new InterfaceLink { Mode = LinkMode.Auto, Subnet = "172.16.2.0/24", IpAddress = "172.16.2.13" }],
            },
            new NetworkInterface
            {
                Id = 38,
                Name = "eth1",
                MacAddress = MacAddress.Parse("cb:93:ac:d1:ed:66"),
                Vlan = 20,
                Enabled = false,
                Links = [new InterfaceLink { Mode = LinkMode.LinkUp }],
            },
            new NetworkInterface
            {
                Id = 39,
                Name = "eth1.30",
                Type = InterfaceType.Vlan,
                Vlan = 30,
                MacAddress = MacAddress.Parse("cb:93:ac:d1:ed:66"),
                Parents = ["eth1"],
                Links = [new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.30.0.0/24", IpAddress = "10.30.0.5" }],
            },
        ];
        machine.BlockDevices =
        [
            new BlockDevice
            {
                Id = 18,
                Name = "sda",
                Model = "QEMU HARDDISK",
                Serial = "QM00001",
                SizeBytes = 3_532_084_224,
                BlockSize = 512,
                Tags = ["ssd"],
                IsBootDisk = true,
                Partitions =
                [
                    new Partition { SizeBytes = 536_870_912, Bootable = true, Filesystem = new Filesystem { Type = "fat32", Label = "efi", MountPoint = "/boot/efi" } },
                    new Partition { SizeBytes = 2_986_344_448, Filesystem = new Filesystem { Type = "ext4", Label = "root", MountPoint = "/", MountOptions = "noatime" } },
                ],
            },
            new BlockDevice { Id = 19, Name = "sdb", SizeBytes = 5_672_537_088, BlockSize = 4096, Tags = ["rotary"] },
        ];
        machine.TransitionTo(MachineStatus.Commissioning, Now);
        machine.TransitionTo(MachineStatus.Ready, Now);
        machine.TransitionTo(MachineStatus.Allocated, Now);
        machine.SetOwner("admin");
        machine.Osystem = "ubuntu";
        machine.DistroSeries = "jammy";
        return machine;
    }

    /// <summary>A machine as enlistment leaves it before commissioning: nothing known.</summary>
    public static Machine Bare() => Machine.Create("bare46", "bare-node", Now);
}
