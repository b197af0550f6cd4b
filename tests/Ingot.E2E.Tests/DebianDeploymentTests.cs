using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// A real Debian deployment (issue 6): the Debian 12 root tarball of <c>scripts/build-debian-tarball.sh</c>
/// (kernel, GRUB, cloud-init) registered as a <c>root-tgz</c> boot resource; a qemu VM behind an ipmi_sim
/// BMC, Ingot alone serving DHCP, TFTP and HTTP boot, enlisted and commissioned to READY as in the
/// full-fidelity walk (<see cref="LifecycleWalk"/>), then deployed with user-data: Ingot's installer lays the
/// tarball onto the flat layout, runs the target's grub-install and update-grub, writes the MAAS datasource
/// config, netboot_off, reboots; the network boot hands over to the disk, GRUB boots Debian, and cloud-init's
/// own MAAS datasource fetches the user-data with the machine's token (DEPLOYED) and runs it. TCG unless
/// INGOT_E2E_ACCEL names another qemu accelerator (kvm). The console, Ingot's output and the stage times are kept as <c>dd-*</c> in
/// <see cref="NetworkBootLab.LogDirectory"/>. The UEFI walk (OVMF on q35, logs <c>du-*</c>) is the same: Ingot records the
/// machine's boot method from iPXE (<c>uefi</c>), so the flat layout has MAAS's EFI system partition; the installer puts GRUB's
/// EFI image at the ESP's removable path and, as curtin's <c>update_nvram</c>, an NVRAM entry <c>debian</c> second in
/// <c>BootOrder</c> after the network entry the installer booted from. This VM keeps its UEFI variables (OVMF as pflash with
/// its own <c>OVMF_VARS.fd</c>): after the installer's reboot, and at every boot of the deployed machine, the firmware boots
/// the network first, Ingot's local boot hands back (iPXE's <c>exit 1</c>) and the firmware goes on to the <c>debian</c> entry;
/// the deployed system's <c>efibootmgr</c> shows that order, and the release with quick erase boots the network again. The
/// storage walk (UEFI, logs <c>ds-*</c>) gives the VM three more disks and, once READY, through the storage API: the flat layout's
/// ESP on the first disk with its root partition made swap; one partition on each of the three others; a RAID 5 <c>md0</c> over
/// those partitions; the volume group <c>vgraid</c> on <c>md0</c> with <c>lvroot</c> (ext4 at '/') and <c>lvsrv</c> (ext4 at
/// <c>/srv</c>). The installer creates the array with the target's mdadm and the volume group with its LVM tools, writes the
/// target's mdadm.conf and rebuilds its initramfs; GRUB reads <c>/boot</c> through LVM on the RAID 5, the initramfs assembles
/// <c>md0</c> and activates <c>lvroot</c>; the installed system's runcmd prints what it mounted (<c>findmnt</c>), its swap,
/// <c>/proc/mdstat</c> (after the array's initial recovery) and <c>lvs</c>.
/// </summary>
public sealed class DebianDeploymentTests
{
    private static readonly TimeSpan s_installLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(5);

    // The installed system's first boot under TCG on a loaded host: GRUB reading the kernel and initramfs through the BIOS
    // took 170 s, cloud-init's init stage began at 134 s guest time and its config stage at 265 s (load average ~60).
    private static readonly TimeSpan s_firstBootLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public Task A_debian_root_tarball_is_installed_with_grub_boots_from_disk_and_its_cloud_init_reads_user_data_through_the_maas_datasource() =>
        WalkAsync(Firmware.Bios, "dd", 0x06);

    [Fact]
    public Task On_a_uefi_machine_the_debian_tarball_gets_an_esp_with_grub_at_the_removable_path_and_boots_from_disk_to_deployed() =>
        WalkAsync(Firmware.Uefi, "du", 0x07);

    [Fact]
    public Task The_root_on_lvm_over_a_raid5_of_partitions_is_assembled_and_activated_at_boot_with_srv_on_a_second_volume_and_swap() =>
        WalkAsync(Firmware.Uefi, "ds", 0x09, stacked: true);

    private static async Task WalkAsync(Firmware firmware, string prefix, int index, bool stacked = false)
    {
        E2ERequirements.Require(firmware);
        E2ERequirements.RequireIpmi();
        string tarball = await DebianTarball.PathAsync();
        await using var lab = new NetworkBootLab(prefix);
        await lab.StartAsync();
        string image = await EphemeralImage.DirectoryAsync();
        await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/debian", "--root-tgz", tarball);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        // KVM only when asked (INGOT_E2E_ACCEL=kvm): on the development host /dev/kvm exists but a KVM guest does not even run SeaBIOS.
        string accelerator = Environment.GetEnvironmentVariable("INGOT_E2E_ACCEL") is { Length: > 0 } accel ? accel : "tcg";
        // qemu keeps 20 characters of a virtio serial: "ingot-ff-" + name + "-3" must fit, or the extra disks' serials (which the
        // installer finds them by) come out equal.
        string name = stacked ? "debian-md" : firmware == Firmware.Uefi ? "debian-uefi" : "debian";
        // The UEFI walk keeps the machine's UEFI variables (its NVRAM boot entries); the storage walk runs OVMF with -bios, which keeps none.
        bool nvram = firmware == Firmware.Uefi && !stacked;
        await using BmcMachine vm = await BmcMachine.StartAsync(lab.Network, name, index, cpus: 1, memoryMiB: 3072, diskMiB: 4096, accelerator, firmware, secondDiskMiB: stacked ? 1024 : 0, extraDisks: stacked ? 3 : 1, uefiVariables: nvram);
        var walk = new LifecycleWalk(vm, maas);
        var stages = new BootStages();
        try
        {
            await walk.EnlistAsync();
            await walk.CommissionAsync();
            stages.Reached($"READY ({accelerator}, {firmware})");
            if (stacked)
            {
                await LayOutRootOnLvmOverRaid5Async(maas, walk.SystemId);
            }

            await DeployAsync(vm, maas, walk, stages, lab.Network.Subnet, firmware, stacked, nvram);
            if (nvram)
            {
                // The network entry is first: the release's power on boots the network (wipe-disks), not the debian entry.
                await walk.ReleaseWithEraseAsync(middleKept: false);
                stages.Reached("released with quick erase (network first), READY");
            }
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"{prefix}-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
            await vm.KeepLogsAsync(NetworkBootLab.LogDirectory);
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"{prefix}-{name}-stages.txt"), $"{walk.Stages}--- deployment\n{stages}", CancellationToken.None);
        }
    }

    /// <summary>
    /// The flat layout (ESP and root partition on vda), the root partition made swap; one partition filling each of vdb, vdc and
    /// vdd; a RAID 5 md0 over the three partitions; the volume group vgraid on md0 with lvroot (1.25 GiB, ext4 label root at '/')
    /// and lvsrv (the rest, ext4 label srv at /srv).
    /// </summary>
    private static async Task LayOutRootOnLvmOverRaid5Async(MaasClient maas, string id)
    {
        await maas.PostAsync($"machines/{id}/?op=set_storage_layout", ("storage_layout", "flat"));
        JsonElement[] disks = [.. (await maas.GetAsync($"nodes/{id}/blockdevices/")).EnumerateArray()];
        string Id(JsonElement e) => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonElement first = disks.Single(d => d.GetProperty("name").GetString() == "vda");
        string vda = Id(first);
        string root = Id(first.GetProperty("partitions").EnumerateArray()
            .Single(p => p.GetProperty("filesystem").ValueKind == JsonValueKind.Object && p.GetProperty("filesystem").GetProperty("mount_point").GetString() == "/"));
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=unmount");
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=unformat");
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=format", ("fstype", "swap"));
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=mount", ("mount_point", "none"));
        var members = new List<(string Name, string Value)> { ("name", "md0"), ("level", "raid-5") };
        foreach (string disk in new[] { "vdb", "vdc", "vdd" })
        {
            string device = Id(disks.Single(d => d.GetProperty("name").GetString() == disk));
            members.Add(("partitions", Id(await maas.PostAsync($"nodes/{id}/blockdevices/{device}/partitions/"))));
        }

        JsonElement md = await maas.PostAsync($"nodes/{id}/raids/", [.. members]);
        Assert.Equal(("md0", "raid-5", 3), (md.GetProperty("name").GetString(), md.GetProperty("level").GetString(), md.GetProperty("devices").GetArrayLength()));
        JsonElement group = await maas.PostAsync($"nodes/{id}/volume-groups/", ("name", "vgraid"), ("block_devices", Id(md.GetProperty("virtual_device"))));
        string vg = Id(group);
        foreach ((string lv, string? size, string label, string mount) in new[] { ("lvroot", "1342177280", "root", "/"), ("lvsrv", (string?)null, "srv", "/srv") })
        {
            (string, string)[] fields = size is null ? [("name", lv)] : [("name", lv), ("size", size)];
            string device = Id(await maas.PostAsync($"nodes/{id}/volume-group/{vg}/?op=create_logical_volume", fields));
            await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=format", ("fstype", "ext4"), ("label", label));
            await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=mount", ("mount_point", mount));
        }
    }

    private static async Task DeployAsync(BmcMachine vm, MaasClient maas, LifecycleWalk walk, BootStages stages, string subnet, Firmware firmware, bool stacked, bool nvram)
    {
        string id = walk.SystemId;
        string marker = $"ingot-marker-{Guid.NewGuid():N}";
        // The runcmd shows on the console what cloud-init rendered for the NIC (ifupdown), the firmware, the system
        // locale with what cloud-init's locale module made of it (it runs in modules:config, before runcmd) and the marker; the
        // storage lines wait (at most 10 min) for an array's initial recovery first, so that mdstat shows its members in sync.
        string userData = $$"""
            #cloud-config
            runcmd:
              - |
                echo "ingot-net: $(cat /etc/network/interfaces.d/* 2>/dev/null | grep -E "^ *(iface|address)" | tr "\n" " ")" > /dev/console
                echo "ingot-boot: firmware $([ -d /sys/firmware/efi ] && echo uefi || echo bios), /boot/efi: $(grep " /boot/efi " /proc/mounts | cut -d " " -f 1,3)" > /dev/console
                echo "ingot-storage: / $(findmnt -n -o SOURCE,FSTYPE / | tr -s " "), /srv $(findmnt -n -o SOURCE,FSTYPE /srv | tr -s " "), swap $(swapon --show=NAME,TYPE --noheadings | tr -s " " | tr "\n" " ")" > /dev/console
                w=$(date +%s); [ -e /dev/md0 ] && timeout 600 mdadm --wait /dev/md0 > /dev/null 2>&1; echo "ingot-mdwait: $(($(date +%s) - w)) s" > /dev/console
                echo "ingot-mdstat: $(grep -A 1 "^md" /proc/mdstat | tr "\n" " " | tr -s " "), mdadm.conf $(grep -c "^ARRAY " /etc/mdadm/mdadm.conf 2>/dev/null) arrays" > /dev/console
                echo "ingot-lvs: $(lvs --noheadings --separator , -o vg_name,lv_name,lv_attr,devices 2>/dev/null | tr -d " " | tr "\n" " ")" > /dev/console
                echo "ingot-locale: $(cat /etc/default/locale), module locale ran $(grep -c "Running module locale .* with frequency" /var/log/cloud-init.log), failed $(grep -c "Running module locale .* failed" /var/log/cloud-init.log)" > /dev/console
                echo "ingot-nvram: $(efibootmgr 2>&1 | tr "\n" "|")" > /dev/console
                echo {{marker}} > /run/ingot-marker
                echo "ingot-marker: $(cat /run/ingot-marker)" > /dev/console

            """;

        // Commissioning gave the boot interface an AUTO link on the lab's subnet, the one it booted from (MAAS's initial
        // networking): the deploy claims an address and the curtin config's network section makes it a static entry,
        // which the installer writes into the target.
        JsonElement commissioned = (await maas.GetAsync($"machines/{id}/")).GetProperty("boot_interface").GetProperty("links");
        if (commissioned.GetArrayLength() != 1 || commissioned[0].GetProperty("mode").GetString() != "auto"
            || commissioned[0].GetProperty("subnet").GetProperty("cidr").GetString() != subnet)
        {
            throw new InvalidOperationException($"commissioning did not give the boot interface one AUTO link on {subnet}: {commissioned}");
        }

        await maas.PostAsync("machines/?op=allocate", ("system_id", id));
        int mark = vm.ConsoleMark();
        JsonElement deploying = await maas.PostAsync($"machines/{id}/?op=deploy", ("distro_series", "ingot/debian"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(userData))));
        Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());
        JsonElement link = (await maas.GetAsync($"machines/{id}/")).GetProperty("interface_set")[0].GetProperty("links")[0];
        string address = link.TryGetProperty("ip_address", out JsonElement ip) && ip.ValueKind == JsonValueKind.String
            ? ip.GetString()!
            : throw new InvalidOperationException($"the deploy claimed no address for the AUTO link: {link}");
        stages.Reached("deploying");
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: writing tgz \S+/root-tgz to /dev/vda", s_bootLimit, "Ingot to power the machine on over IPMI and the installer to start laying the tarball");
        stages.Reached("installer: laying the tarball");
        if (stacked)
        {
            await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: RAID 5 /dev/md0 on /dev/vd[bcd]1 /dev/vd[bcd]1 /dev/vd[bcd]1", s_installLimit, "the target's mdadm to create md0 over a partition of each extra disk");
            await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: md0 : active raid5 (vd[bcd]1\[\d\] ?){3}", s_bootLimit, "md0 active in the installer's /proc/mdstat");
            stages.Reached("installer: md0 created");
            await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: volume group vgraid on /dev/md0", s_bootLimit, "the target's vgcreate of vgraid on md0");
            await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: swap on /dev/vda2", s_bootLimit, "the target's mkswap on vda2");
        }

        string rootMade = stacked
            ? "INGOT-EPHEMERAL: agent: install: ext4 on /dev/mapper/vgraid-lvroot, filled with the root tarball"
            : "INGOT-EPHEMERAL: agent: install: ext4 on partition 2 .*filled with the root tarball";
        await vm.WaitForConsoleAsync(mark, rootMade, s_installLimit, "the tarball unpacked and the ext4 root made from it");
        stages.Reached("installer: root file system made");
        string grub = firmware == Firmware.Uefi
            ? @"INGOT-EPHEMERAL: agent: install: GRUB installed on /dev/vda \(x86_64-efi, removable path EFI/BOOT/BOOTX64\.EFI on /dev/vda1\)"
            : @"INGOT-EPHEMERAL: agent: install: GRUB installed on /dev/vda \(i386-pc\)";
        await vm.WaitForConsoleAsync(mark, grub, s_installLimit, "the target's grub-install and update-grub");
        stages.Reached("installer: GRUB installed");
        if (stacked)
        {
            // After GRUB: the ARRAY line in the target's mdadm.conf and its initramfs rebuilt (written once GRUB is in).
            await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: 1 arrays in /etc/mdadm/mdadm\.conf, initramfs rebuilt: initrd\.img-6\.1\.\S+-amd64", s_bootLimit, "the target's mdadm.conf and update-initramfs");
        }

        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: netboot_off posted", s_bootLimit, "netboot_off");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: done, .* rebooting", s_bootLimit, "the installer to reboot");
        stages.Reached("installer rebooting");
        // BIOS: the network boot (netboot off) hands over with iPXE's sanboot of the first disk. UEFI with variables: the network
        // entry is first, Ingot's local boot exits with a failure and OVMF goes on to the installer's 'debian' entry. UEFI with -bios
        // (variables lost at power off, or kept in memory over the installer's reset): the 'debian' entry, or OVMF's default order,
        // which has the disk's EFI/BOOT/BOOTX64.EFI before any network boot option (a virtio disk is a "UEFI Misc Device" to OVMF).
        const string debianEntry = @"BdsDxe: starting Boot[0-9A-F]{4} ""debian"" from HD\(1,GPT,[^)]*\)/\\EFI\\debian\\grubx64\.efi";
        string handover = nvram ? debianEntry
            : firmware == Firmware.Uefi ? $@"{debianEntry}|BdsDxe: starting Boot[0-9A-F]+ ""UEFI [^""]*"" from PciRoot\(0x0\)/Pci\(0x[0-9A-F]+,0x0\)\r?$"
            : "Booting from SAN device 0x80";
        Match san = await vm.WaitForConsoleAsync(mark, handover, s_bootLimit, "the network boot after the reboot to hand over to the disk (netboot off)");
        stages.Reached("network boot handed over to the disk");
        if (nvram)
        {
            // The firmware tried the network entry first: iPXE fetched the machine's script from Ingot, whose local boot's
            // 'exit 1' (iPXE: "Could not boot: Error 0x00000001") failed the entry, and only then started the debian entry.
            string handing = vm.Console[mark..san.Index];
            Assert.Matches(@"/ipxe/mac/52%3A54%3A00%3Aff%3A00%3A[0-9a-f]{2}/boot\.ipxe\.\.\. ok\s+Could not boot: Error 0x00000001", handing);
            Assert.Matches(@"BdsDxe: failed to load Boot[0-9A-F]{4} ""UEFI PXEv4 \(MAC:525400FF00[0-9A-F]{2}\)""", handing);
        }

        // From here on only the disk's boot counts (the installer's own kernel printed a Linux version line too).
        mark = san.Index;
        await vm.WaitForConsoleAsync(mark, @"Linux version 6\.1\.\S+-amd64 .*Debian", s_firstBootLimit, "GRUB to boot the installed Debian kernel");
        stages.Reached("Debian kernel booting");
        await vm.WaitForConsoleAsync(mark, "ingot-marker: " + marker, s_firstBootLimit, "cloud-init to fetch the user-data and run its runcmd");
        Match net = await vm.WaitForConsoleAsync(mark, "ingot-net: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the rendered interfaces");
        Assert.Contains("inet static", net.Value, StringComparison.Ordinal);
        Assert.Contains($"address {address}/", net.Value, StringComparison.Ordinal);
        Match boot = await vm.WaitForConsoleAsync(mark, "ingot-boot: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the firmware and the ESP's mount");
        Assert.Equal(
            firmware == Firmware.Uefi ? "ingot-boot: firmware uefi, /boot/efi: /dev/vda1 vfat" : "ingot-boot: firmware bios, /boot/efi: ",
            boot.Value.TrimEnd('\r'));
        Match storage = await vm.WaitForConsoleAsync(mark, "ingot-storage: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the mounts and the swap");
        Assert.Equal(
            stacked ? "ingot-storage: / /dev/mapper/vgraid-lvroot ext4, /srv /dev/mapper/vgraid-lvsrv ext4, swap /dev/vda2 partition" : "ingot-storage: / /dev/vda2 ext4, /srv , swap",
            storage.Value.TrimEnd('\r', ' '));
        if (stacked)
        {
            await AssertRaid5UnderLvmAsync(vm, mark);
        }

        // The tarball's C.UTF-8 (as MAAS's Ubuntu images): the locale module ran and kept it, no locale-gen, no failure.
        Match locale = await vm.WaitForConsoleAsync(mark, "ingot-locale: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the system locale");
        Assert.Equal("ingot-locale: LANG=C.UTF-8, module locale ran 1, failed 0", locale.Value.TrimEnd('\r'));
        if (nvram)
        {
            AssertNvram(vm, await vm.WaitForConsoleAsync(mark, "ingot-nvram: .*", TimeSpan.FromSeconds(5), "the runcmd's line with efibootmgr's output"));
        }

        stages.Reached("user-data's runcmd ran");
        await vm.WaitForConsoleAsync(mark, @"Cloud-init v\. \S+ finished at .*Datasource DataSourceMAAS", s_bootLimit, "cloud-init's final stage to finish with the MAAS datasource");
        await walk.WaitForStatusAsync("Deployed", TimeSpan.FromMinutes(1), "the deployed system's user-data read to end the deployment");
        stages.Reached("DEPLOYED, cloud-init finished");

        string deployedBoot = vm.Console[mark..];
        Assert.DoesNotContain("INGOT-EPHEMERAL", deployedBoot, StringComparison.Ordinal);
        Assert.Contains("DataSourceMAAS", deployedBoot, StringComparison.Ordinal);
        Assert.DoesNotContain("update-locale: Error", deployedBoot, StringComparison.Ordinal);
        Assert.DoesNotContain("Generating locales", deployedBoot, StringComparison.Ordinal);
        JsonElement deployed = await maas.GetAsync($"machines/{id}/");
        Assert.Equal(("Deployed", "ingot", "debian", false), (deployed.GetProperty("status_name").GetString(), deployed.GetProperty("osystem").GetString(), deployed.GetProperty("distro_series").GetString(), deployed.GetProperty("netboot").GetBoolean()));
        Assert.Equal(firmware == Firmware.Uefi ? "uefi" : "pxe", deployed.GetProperty("bios_boot_method").GetString());
        string[] events = await walk.EventDescriptionsAsync();
        Assert.Contains("'cmd-install' curtin command install", events);
        // cloud-init posts a stage's own start before it has read the webhook config, so Ingot sees the stage's sub-events
        // (as run 2's console showed for init-local: 'init-local/check-cache' start and finish, then 'init-local' finish only).
        Assert.Contains(events, e => e.StartsWith("'init-network/", StringComparison.Ordinal));
        Assert.Equal(["pxe", "pxe", "pxe"], vm.Boots);
        Assert.True(vm.IsRunning, "the deployed Debian stays up");
    }

    /// <summary>
    /// The deployed system's view of the storage walk's stack (the runcmd's lines): the initramfs assembled md0, RAID 5 from the
    /// partitions vdb1, vdc1 and vdd1, all three active and in sync once the initial recovery ended (<c>[3/3] [UUU]</c>), the
    /// array in mdadm.conf; <c>lvs</c> shows lvroot and lvsrv of vgraid active and open, both on md0.
    /// </summary>
    private static async Task AssertRaid5UnderLvmAsync(BmcMachine vm, int mark)
    {
        Match mdstat = await vm.WaitForConsoleAsync(mark, "ingot-mdstat: .*", TimeSpan.FromSeconds(5), "the runcmd's line with /proc/mdstat");
        Assert.Matches(@"^ingot-mdstat: md0 : active raid5 (vd[bcd]1\[\d\] ){3}\d+ blocks super 1\.2 level 5, \d+k chunk, algorithm \d \[3/3\] \[UUU\] .*, mdadm\.conf 1 arrays$", mdstat.Value.TrimEnd('\r'));
        foreach (string member in new[] { "vdb1[", "vdc1[", "vdd1[" })
        {
            Assert.Contains(member, mdstat.Value, StringComparison.Ordinal);
        }

        Match lvs = await vm.WaitForConsoleAsync(mark, "ingot-lvs: .*", TimeSpan.FromSeconds(5), "the runcmd's line with lvs");
        Assert.Matches(@"(^| )vgraid,lvroot,-wi-ao-*,/dev/md(/md)?0\(0\)( |$)", lvs.Value["ingot-lvs:".Length..].TrimEnd('\r'));
        Assert.Matches(@"(^| )vgraid,lvsrv,-wi-ao-*,/dev/md(/md)?0\(\d+\)( |$)", lvs.Value["ingot-lvs:".Length..].TrimEnd('\r'));
    }

    /// <summary>
    /// The deployed system's <c>efibootmgr</c> (the runcmd's line, its lines joined by '|'): <c>BootOrder</c> has the network
    /// entry of the machine's NIC first and the installer's <c>debian</c> entry second (curtin's <c>uefi_reorder_loaders</c>),
    /// there is one <c>debian</c> entry, and this boot came through it (<c>BootCurrent</c>).
    /// </summary>
    private static void AssertNvram(BmcMachine vm, Match line)
    {
        string[] lines = line.Value["ingot-nvram: ".Length..].TrimEnd('\r').Split('|', StringSplitOptions.RemoveEmptyEntries);
        string Field(string name) =>
            lines.SingleOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..]
            ?? throw new InvalidOperationException($"efibootmgr printed no {name}: {line.Value}");
        Dictionary<string, string> labels = lines
            .Where(l => Regex.IsMatch(l, "^Boot[0-9A-F]{4}[* ] "))
            .ToDictionary(l => l[4..8], l => l[10..].Split('\t')[0]);
        string[] order = Field("BootOrder").Split(',');
        string nic = $"UEFI PXEv4 (MAC:{vm.Mac.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant()})";
        Assert.True(order.Length >= 2, $"BootOrder has fewer than two entries: {line.Value}");
        Assert.Equal((nic, "debian"), (labels.GetValueOrDefault(order[0]), labels.GetValueOrDefault(order[1])));
        Assert.Equal(order[1], Field("BootCurrent"));
        Assert.Single(labels.Values, "debian");
    }
}
