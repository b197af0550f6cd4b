using System.Security.Cryptography;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Data.Tests.Infrastructure;

/// <summary>Machines with every property set, and unique ids, MACs and BMC addresses per call.</summary>
public static class TestMachines
{
    public static string NewSystemId() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz0123456789", 8);

    public static MacAddress NewMac()
    {
        byte[] b = RandomNumberGenerator.GetBytes(5);
        return MacAddress.Parse($"52:{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}:{b[4]:x2}");
    }

    public static string NewPowerAddress()
    {
        byte[] b = RandomNumberGenerator.GetBytes(3);
        return $"10.{b[0]}.{b[1]}.{b[2]}";
    }

    /// <summary>A NEW machine with hardware, power parameters (including secrets) and every setting changed from its default.</summary>
    public static Machine Full(DateTime now)
    {
        string id = NewSystemId();
        Machine machine = Machine.Create(id, $"host-{id}", now);
        machine.Domain = "lab";
        machine.Architecture = "amd64/generic";
        machine.PowerType = "ipmi";
        machine.PowerParameters = new()
        {
            ["power_address"] = NewPowerAddress(),
            ["power_user"] = "maas",
            ["power_pass"] = $"s3cret-pass-{id}",
            ["k_g"] = $"kg-key-{id}",
        };
        machine.PowerState = PowerState.On;
        machine.PowerStateQueried = now.AddMinutes(-3);
        machine.Osystem = "ubuntu";
        machine.DistroSeries = "noble";
        machine.HweKernel = "ga-24.04";
        machine.MinHweKernel = "ga-22.04";
        machine.AgentName = "juju";
        machine.Zone = "zone-a";
        machine.Pool = "pool-b";
        machine.Tags = ["virtual", "gpu"];
        machine.OwnerData = new() { ["juju-model-uuid"] = $"model-{id}", ["owner"] = "someone" };
        machine.CpuCount = 8;
        machine.CpuSpeed = 2400;
        machine.CpuModel = "Intel(R) Xeon(R) CPU E5-2680";
        machine.Memory = 32768;
        machine.Enlisting = true;
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.Netboot = false;
        machine.EnableSsh = true;
        machine.ErrorDescription = "an earlier failure";
        machine.Error = "an error";
        machine.Description = "rack 4, slot 12";
        machine.BiosBootMethod = "uefi";
        machine.HardwareUuid = "4c4c4544-0051-3810-8052-b4c04f333233";
        machine.HardwareInfo = new() { ["system_vendor"] = "Dell Inc.", ["mainboard_firmware_date"] = "03/08/2024", ["chassis_type"] = "Rack Mount Chassis" };
        machine.NumaNodes = [new NumaNode(0, [0, 2], 65536), new NumaNode(1, [1, 3], 65536)];
        machine.Modaliases = ["pci:v00001AF4d00001041sv00001AF4sd00001100bc02sc00i00", "acpi:PNP0A03:"];
        machine.NodeDevices =
        [
            new NodeDevice { Id = 1, Bus = NodeDeviceBus.Pcie, HardwareType = 4, NumaNode = 1, VendorId = "1af4", ProductId = "1041", VendorName = "Red Hat, Inc.", ProductName = "Virtio network device", CommissioningDriver = "virtio-pci", PciAddress = "0000:00:03.0", InterfaceMac = "52:54:00:12:34:56" },
            new NodeDevice { Id = 2, Bus = NodeDeviceBus.Usb, VendorId = "0627", ProductId = "0001", CommissioningDriver = "usbhid", BusNumber = 1, DeviceNumber = 2 },
        ];
        machine.SkipNetworking = true;
        machine.SkipStorage = true;
        machine.BeginScriptRun(); // ScriptRun 2: the raw-SQL reads must carry script_run too
        machine.BeginScriptRun();
        machine.BlockDevices =
        [
            new BlockDevice
            {
                Name = "sda", Model = "QEMU HARDDISK", Serial = $"QM-{id}-1", SizeBytes = 500_107_862_016, BlockSize = 4096, Tags = ["ssd"], IsBootDisk = true,
                IdPath = $"/dev/disk/by-id/wwn-0x{id}", FirmwareVersion = "2.5+", NumaNode = 1,
                Partitions =
                [
                    new Partition { SizeBytes = 536_870_912, Bootable = true, Filesystem = new Filesystem { Type = "fat32", MountPoint = "/boot/efi", Label = "efi" } },
                    new Partition { SizeBytes = 499_570_991_104, Filesystem = new Filesystem { Type = "ext4", MountPoint = "/", MountOptions = "noatime" } },
                    new Partition { SizeBytes = 1_048_576 },
                ],
            },
            new BlockDevice
            {
                Name = "sdb", Model = "WDC", Serial = $"WD-{id}-2", SizeBytes = 2_000_398_934_016, Tags = ["rotary", "7200rpm"],
                Filesystem = new Filesystem { Type = "xfs", MountPoint = "/srv" },
            },
        ];
        machine.Interfaces =
        [
            new NetworkInterface
            {
                Name = "eth0",
                MacAddress = NewMac(),
                LinkSpeed = 10000,
                InterfaceSpeed = 25000,
                LinkConnected = false,
                Vendor = "Mellanox Technologies",
                Product = "MT27710 Family [ConnectX-4 Lx]",
                FirmwareVersion = "14.32.1010",
                NumaNode = 1,
                SriovMaxVf = 8,
                Links = [new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.0.0.0/24", IpAddress = "10.0.0.17" }],
            },
            new NetworkInterface { Name = "eth1", MacAddress = NewMac(), LinkSpeed = 1000, Enabled = false },
            new NetworkInterface
            {
                Name = "bond0",
                MacAddress = NewMac(),
                Type = InterfaceType.Bond,
                Parents = ["eth0", "eth1"],
                Vlan = 42,
                Links =
                [
                    new InterfaceLink { Mode = LinkMode.Static, Subnet = "192.168.4.0/22", IpAddress = "192.168.5.9" },
                    new InterfaceLink { Mode = LinkMode.Dhcp, Subnet = "172.16.0.0/16" },
                ],
            },
        ];
        machine.BootInterfaceMac = machine.Interfaces[1].MacAddress;
        return machine;
    }

    /// <summary>A READY machine with one interface, reached through the table (NEW, COMMISSIONING, READY).</summary>
    public static Machine Ready(DateTime now)
    {
        string id = NewSystemId();
        Machine machine = Machine.Create(id, $"ready-{id}", now);
        machine.Interfaces = [new NetworkInterface { Name = "eth0", MacAddress = NewMac() }];
        machine.TransitionTo(MachineStatus.Commissioning, now);
        machine.TransitionTo(MachineStatus.Ready, now);
        return machine;
    }
}
