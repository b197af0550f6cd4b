using Ingot.Core.Cloning;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Cloning;

public class StorageMappingTests
{
    private const long Gb = 1024L * 1024 * 1024;

    private static Machine With(params BlockDevice[] disks)
    {
        Machine machine = Machine.Create("abc123", "m", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = "uefi";
        machine.BlockDevices.AddRange(disks);
        return machine;
    }

    private static BlockDevice Disk(string name, long gb, params string[] tags) => new() { Name = name, SizeBytes = gb * Gb, Tags = [.. tags] };

    private static string? Reason(Machine dest, Machine source) => StorageMapping.TryMap(dest, source, out _);

    [Fact]
    public void Architectures_must_match()
    {
        Machine dest = With(Disk("sda", 8));
        dest.Architecture = "arm64/generic";
        Assert.Equal("node architectures do not match (arm64/generic != amd64/generic)", Reason(dest, With(Disk("sda", 8))));
    }

    [Fact]
    public void Boot_methods_must_match()
    {
        Machine dest = With(Disk("sda", 8));
        dest.BiosBootMethod = "pxe";
        Assert.Equal("node boot methods do not match (pxe != uefi)", Reason(dest, With(Disk("sda", 8))));
    }

    [Fact]
    public void Destination_without_disks_fails() =>
        Assert.Equal("destination node has no physical block devices", Reason(With(), With(Disk("sda", 8))));

    [Fact]
    public void Source_without_disks_fails() =>
        Assert.Equal("source node has no physical block devices", Reason(With(Disk("sda", 8)), With()));

    [Fact]
    public void Smaller_destination_boot_disk_fails() =>
        Assert.Equal(
            "destination boot disk(sda) is smaller than source boot disk(sda)",
            Reason(With(Disk("sda", 4)), With(Disk("sda", 8))));

    [Fact]
    public void Too_few_destination_disks_uses_MAAS_wording_with_counts_including_the_boot_disk() =>
        Assert.Equal(
            "source node does not have enough physical block devices (1 < 3)",
            Reason(With(Disk("sda", 8)), With(Disk("sda", 8), Disk("sdb", 8), Disk("sdc", 8))));

    [Fact]
    public void A_destination_disk_smaller_than_every_remaining_source_disk_fails() =>
        Assert.Equal(
            "1 destination node physical block devices do not match the source nodes physical block devices",
            Reason(With(Disk("sda", 8), Disk("sdb", 5)), With(Disk("sda", 8), Disk("sdb", 10))));

    [Fact]
    public void Extra_destination_disks_fail_as_in_MAAS() =>
        Assert.Equal(
            "2 destination node physical block devices do not match the source nodes physical block devices",
            Reason(With(Disk("sda", 8), Disk("sdb", 8), Disk("sdc", 8)), With(Disk("sda", 8))));

    [Fact]
    public void Boot_disk_maps_to_boot_disk_even_when_not_first()
    {
        BlockDevice destBoot = Disk("nvme0n1", 100);
        destBoot.IsBootDisk = true;
        Machine dest = With(Disk("sda", 50), destBoot);
        Machine source = With(Disk("sda", 90), Disk("sdb", 50));

        Assert.Null(StorageMapping.TryMap(dest, source, out IReadOnlyList<DiskPair> pairs));
        Assert.Equal(("nvme0n1", "sda"), (pairs[0].Destination.Name, pairs[0].Source.Name));
        Assert.Equal(("sda", "sdb"), (pairs[1].Destination.Name, pairs[1].Source.Name));
    }

    [Fact]
    public void First_pass_matches_same_size_and_tags_regardless_of_order()
    {
        Machine dest = With(Disk("sda", 8), Disk("sdb", 20, "rotary"), Disk("sdc", 10, "ssd"));
        Machine source = With(Disk("sda", 8), Disk("sdb", 10, "ssd"), Disk("sdc", 20, "rotary"));

        Assert.Null(StorageMapping.TryMap(dest, source, out IReadOnlyList<DiskPair> pairs));
        Assert.Contains(pairs, p => p.Destination.Name == "sdb" && p.Source.Name == "sdc");
        Assert.Contains(pairs, p => p.Destination.Name == "sdc" && p.Source.Name == "sdb");
    }

    [Fact]
    public void Second_pass_matches_larger_disks_with_the_same_tags()
    {
        Machine dest = With(Disk("sda", 8), Disk("x", 30), Disk("y", 15, "ssd"));
        Machine source = With(Disk("sda", 8), Disk("sdb", 10, "ssd"), Disk("sdc", 20));

        Assert.Null(StorageMapping.TryMap(dest, source, out IReadOnlyList<DiskPair> pairs));
        Assert.Contains(pairs, p => p.Destination.Name == "y" && p.Source.Name == "sdb");
        Assert.Contains(pairs, p => p.Destination.Name == "x" && p.Source.Name == "sdc");
    }

    [Fact]
    public void Third_pass_matches_larger_disks_with_any_tags()
    {
        Machine dest = With(Disk("sda", 8), Disk("sdb", 12, "rotary"));
        Machine source = With(Disk("sda", 8), Disk("sdb", 10, "ssd"));

        Assert.Null(StorageMapping.TryMap(dest, source, out IReadOnlyList<DiskPair> pairs));
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.True(p.Destination.SizeBytes >= p.Source.SizeBytes));
    }
}
