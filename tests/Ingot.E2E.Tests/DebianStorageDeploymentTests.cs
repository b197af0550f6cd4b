using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// The storage walk (issue 6; <see cref="DebianWalk"/>, logs <c>ds-*</c>): one install that carries MAAS's stacked storage, on a
/// BIOS machine (the explicit twin walks it on a UEFI machine: passed once, docs/fullfi-notes.md "E2E stage bound").
/// <c>test.sh</c> runs this class as a stage of its own after the E2E stage. The VM has vda (4 GiB) and four more disks
/// of 1.5 GiB, vdb…vde. Once READY, through the storage API: the flat layout's root partition vda2 made swap (on UEFI vda1 stays
/// the EFI system partition); on each of vdb…vde a 1 GiB partition and one with the rest (2 and 3 on BIOS, whose disks start
/// with MAAS's bios_grub partition; 1 and 2 on UEFI); a <b>RAID 5</b> <c>md0</c> over the first of them on vdb, vdc, vdd with
/// <b>vde's as its spare</b>; the volume group <c>vgraid</c> on md0 with <c>lvroot</c> (ext4 at '/') and <c>lvsrv</c> (ext4 at
/// <c>/srv</c>); a <b>RAID 10</b> <c>md1</c> over the second ones of vdb, vdc, vdd; a <b>bcache</b> cache set on vde's second
/// and <c>bcache0</c> (writeback) backed by md1 (MAAS's <c>CreateBcacheForm</c> takes any free block device as the backing
/// device, a RAID's virtual device among them), ext4 at <c>/home</c>. The installer creates the arrays with the target's mdadm,
/// the cache set and the backing device with its make-bcache (attached by the set's UUID, writeback), the volume group with its
/// LVM tools, writes mdadm.conf and rebuilds the initramfs; GRUB (BIOS: its i386-pc core image in vda's bios_grub partition;
/// UEFI: its EFI image on vda1) reads <c>/boot</c> through LVM on the RAID 5; the initramfs assembles both arrays and activates
/// <c>lvroot</c>; udev (bcache-tools) makes bcache0 from md1 and vde's second partition, systemd mounts <c>/home</c> from it.
/// The deployed system's runcmd prints its mounts, swap, each array's <c>/proc/mdstat</c> lines (after their initial recovery),
/// mdadm.conf's arrays, <c>lvs</c> and bcache0's state.
/// </summary>
public sealed class DebianStorageDeploymentTests
{
    private static readonly TimeSpan s_installLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_stepLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_lineLimit = TimeSpan.FromSeconds(5);
    private static readonly string[] s_members = ["vdb", "vdc", "vdd"];

    [Fact]
    public Task Root_on_lvm_over_a_raid5_with_a_spare_and_home_on_a_writeback_bcache_over_a_raid10_are_assembled_at_boot_on_a_bios_machine() =>
        // "ingot-ff-debian-md-5": the fourth extra disk's serial, the 20 characters qemu keeps.
        DebianWalk.RunAsync(new DebianMachine("ds", "debian-md", 0x09, Firmware.Bios, ExtraDiskMiB: 1536, ExtraDisks: 4), new Layout(first: 2).Storage);

    [Fact(Explicit = true)]
    public Task Root_on_lvm_over_a_raid5_with_a_spare_and_home_on_a_writeback_bcache_over_a_raid10_are_assembled_at_boot_on_a_uefi_machine() =>
        DebianWalk.RunAsync(new DebianMachine("dm", "debian-mu", 0x0a, Firmware.Uefi, ExtraDiskMiB: 1536, ExtraDisks: 4), new Layout(first: 1).Storage);

    /// <summary>The class summary's layout, with the extra disks' partitions numbered from <paramref name="first"/>.</summary>
    private sealed class Layout(int first)
    {
        private readonly string _big = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        private readonly string _rest = (first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public DebianStorage Storage => new(
            LayOutAsync,
            InstalledAsync,
            "INGOT-EPHEMERAL: agent: install: ext4 on /dev/mapper/vgraid-lvroot, filled with the root tarball",
            Arrays: 2,
            "ingot-storage: / /dev/mapper/vgraid-lvroot ext4, /srv /dev/mapper/vgraid-lvsrv ext4, swap /dev/vda2 partition",
            DeployedAsync);

        /// <summary>The layout, each object checked as the API returns it.</summary>
        private static async Task LayOutAsync(MaasClient maas, string id)
        {
            JsonElement[] disks = await DebianWalk.FlatWithRootAsSwapAsync(maas, id);
            var big = new Dictionary<string, string>(StringComparer.Ordinal);
            var rest = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string disk in (string[])[.. s_members, "vde"])
            {
                string device = DebianWalk.Id(disks.Single(d => d.GetProperty("name").GetString() == disk));
                big[disk] = DebianWalk.Id(await maas.PostAsync($"nodes/{id}/blockdevices/{device}/partitions/", ("size", "1073741824")));
                rest[disk] = DebianWalk.Id(await maas.PostAsync($"nodes/{id}/blockdevices/{device}/partitions/"));
            }

            JsonElement md0 = await maas.PostAsync(
                $"nodes/{id}/raids/",
                [("name", "md0"), ("level", "raid-5"), .. s_members.Select(d => ("partitions", big[d])), ("spare_partitions", big["vde"])]);
            Assert.Equal(("md0", "raid-5", 3, 1), (md0.GetProperty("name").GetString(), md0.GetProperty("level").GetString(), md0.GetProperty("devices").GetArrayLength(), md0.GetProperty("spare_devices").GetArrayLength()));
            string vg = DebianWalk.Id(await maas.PostAsync($"nodes/{id}/volume-groups/", ("name", "vgraid"), ("block_devices", DebianWalk.Id(md0.GetProperty("virtual_device")))));
            foreach ((string lv, string? size, string label, string mount) in new[] { ("lvroot", "1342177280", "root", "/"), ("lvsrv", (string?)null, "srv", "/srv") })
            {
                (string, string)[] fields = size is null ? [("name", lv)] : [("name", lv), ("size", size)];
                string device = DebianWalk.Id(await maas.PostAsync($"nodes/{id}/volume-group/{vg}/?op=create_logical_volume", fields));
                await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=format", ("fstype", "ext4"), ("label", label));
                await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=mount", ("mount_point", mount));
            }

            JsonElement md1 = await maas.PostAsync($"nodes/{id}/raids/", [("name", "md1"), ("level", "raid-10"), .. s_members.Select(d => ("partitions", rest[d]))]);
            Assert.Equal(("md1", "raid-10", 3, 0), (md1.GetProperty("name").GetString(), md1.GetProperty("level").GetString(), md1.GetProperty("devices").GetArrayLength(), md1.GetProperty("spare_devices").GetArrayLength()));
            string set = DebianWalk.Id(await maas.PostAsync($"nodes/{id}/bcache-cache-sets/", ("cache_partition", rest["vde"])));
            JsonElement bcache = await maas.PostAsync(
                $"nodes/{id}/bcaches/",
                ("name", "bcache0"), ("cache_set", set), ("backing_device", DebianWalk.Id(md1.GetProperty("virtual_device"))), ("cache_mode", "writeback"));
            Assert.Equal(("bcache0", "writeback", "md1"), (bcache.GetProperty("name").GetString(), bcache.GetProperty("cache_mode").GetString(), bcache.GetProperty("backing_device").GetProperty("name").GetString()));
            string home = DebianWalk.Id(bcache.GetProperty("virtual_device"));
            await maas.PostAsync($"nodes/{id}/blockdevices/{home}/?op=format", ("fstype", "ext4"), ("label", "home"));
            await maas.PostAsync($"nodes/{id}/blockdevices/{home}/?op=mount", ("mount_point", "/home"));
        }

        /// <summary>The installer's lines for the stack, each made with the target's own tools (from the deploy's console mark).</summary>
        public async Task InstalledAsync(BmcMachine vm, int mark)
        {
            await vm.WaitForConsoleAsync(mark, $"INGOT-EPHEMERAL: agent: install: RAID 5 /dev/md0 on /dev/vd[bcd]{_big} /dev/vd[bcd]{_big} /dev/vd[bcd]{_big}, spares /dev/vde{_big}", s_installLimit, $"the target's mdadm to create md0 over a partition of vdb, vdc and vdd with vde{_big} as its spare");
            Match md0 = await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: md0 : active raid5 .*", s_stepLimit, "md0 active in the installer's /proc/mdstat");
            AssertMembers(md0.Value, _big, s_members, spare: "vde", flags: false);
            await vm.WaitForConsoleAsync(mark, $"INGOT-EPHEMERAL: agent: install: RAID 10 /dev/md1 on /dev/vd[bcd]{_rest} /dev/vd[bcd]{_rest} /dev/vd[bcd]{_rest}\r?$", s_stepLimit, "the target's mdadm to create md1 over the other partition of vdb, vdc and vdd");
            Match md1 = await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: md1 : active raid10 .*", s_stepLimit, "md1 active in the installer's /proc/mdstat");
            AssertMembers(md1.Value, _rest, s_members, spare: null);
            await vm.WaitForConsoleAsync(
                mark,
                $@"INGOT-EPHEMERAL: agent: install: bcache bcache0 is /dev/bcache0: backing /dev/md1, cache /dev/vde{_rest} \(set [0-9a-f-]{{36}}\), (clean|dirty), mode writeback",
                s_stepLimit,
                $"the target's make-bcache to make the cache set on vde{_rest} and bcache0 on md1, attached, writeback");
            await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: volume group vgraid on /dev/md0", s_stepLimit, "the target's vgcreate of vgraid on md0");
            await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: swap on /dev/vda2", s_stepLimit, "the target's mkswap on vda2");
            await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: ext4 on /dev/bcache0\r?$", s_installLimit, "the /home file system made on /dev/bcache0");
        }

        /// <summary>
        /// The deployed system's view of the stack (the runcmd's lines): the initramfs assembled both arrays, md0 RAID 5 from the
        /// first partitions of vdb, vdc and vdd in sync once its initial recovery ended (<c>[3/3] [UUU]</c>) with vde's its spare
        /// (<c>(S)</c>), md1 RAID 10 (2 near-copies) from their second partitions in sync, both in mdadm.conf; <c>lvs</c> shows lvroot
        /// and lvsrv of vgraid active and open on md0; bcache0 is attached to a cache set over md1 and vde's second partition in
        /// writeback mode, <c>/home</c> is mounted from it and a file written through it reads back.
        /// </summary>
        public async Task DeployedAsync(BmcMachine vm, int mark, string marker)
        {
            Match md0 = await vm.WaitForConsoleAsync(mark, "ingot-mdstat: md0 .*", s_lineLimit, "the runcmd's /proc/mdstat lines of md0");
            Assert.Matches($@"^ingot-mdstat: md0 : active raid5 (vd[bcde]{_big}\[\d\](\(S\))? ){{4}}\d+ blocks super 1\.2 level 5, \d+k chunk, algorithm \d \[3/3\] \[UUU\]$", md0.Value.TrimEnd('\r', ' '));
            AssertMembers(md0.Value, _big, s_members, spare: "vde");
            Match md1 = await vm.WaitForConsoleAsync(mark, "ingot-mdstat: md1 .*", s_lineLimit, "the runcmd's /proc/mdstat lines of md1");
            Assert.Matches($@"^ingot-mdstat: md1 : active raid10 (vd[bcd]{_rest}\[\d\] ){{3}}\d+ blocks super 1\.2 \d+K chunks 2 near-copies \[3/3\] \[UUU\]$", md1.Value.TrimEnd('\r', ' '));
            AssertMembers(md1.Value, _rest, s_members, spare: null);
            Match conf = await vm.WaitForConsoleAsync(mark, "ingot-mdconf: .*", s_lineLimit, "the runcmd's count of mdadm.conf's arrays");
            Assert.Equal("ingot-mdconf: 2 arrays", conf.Value.TrimEnd('\r'));

            Match lvs = await vm.WaitForConsoleAsync(mark, "ingot-lvs: .*", s_lineLimit, "the runcmd's line with lvs");
            Assert.Matches(@"(^| )vgraid,lvroot,-wi-ao-*,/dev/md(/md)?0\(0\)( |$)", lvs.Value["ingot-lvs:".Length..].TrimEnd('\r'));
            Assert.Matches(@"(^| )vgraid,lvsrv,-wi-ao-*,/dev/md(/md)?0\(\d+\)( |$)", lvs.Value["ingot-lvs:".Length..].TrimEnd('\r'));

            Match bcache = await vm.WaitForConsoleAsync(mark, "ingot-bcache: .*", s_lineLimit, "the runcmd's line with bcache0's state");
            Assert.Matches(
                $@"^ingot-bcache: state (clean|dirty), mode writethrough \[writeback\] writearound none, set [0-9a-f-]{{36}}, slaves md1 vde{_rest} home /dev/bcache0 ext4 home, file {marker}$",
                bcache.Value.TrimEnd('\r', ' '));
        }
    }

    /// <summary>
    /// The devices of an mdstat line are partition <paramref name="number"/> of each of <paramref name="members"/> and, if given,
    /// of <paramref name="spare"/>, and no other. <paramref name="flags"/>: the spare is marked <c>(S)</c> and no member is (in the
    /// installer, right after <c>mdadm --create</c>, the RAID 5 member being recovered can still show as a spare).
    /// </summary>
    private static void AssertMembers(string line, string number, string[] members, string? spare, bool flags = true)
    {
        string[] devices = [.. Regex.Matches(line, @"\b(vd[a-z]\d+)\[\d+\](\(S\))?").Select(m => m.Groups[1].Value + (flags ? m.Groups[2].Value : ""))];
        string[] expected = [.. members.Select(m => m + number), .. spare is null ? [] : (string[])[$"{spare}{number}{(flags ? "(S)" : "")}"]];
        Assert.Equal(expected.Order(StringComparer.Ordinal), devices.Order(StringComparer.Ordinal));
    }
}
