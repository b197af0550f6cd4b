using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// A Debian walk's VM: its log prefix, name (qemu keeps 20 characters of a virtio serial: "ingot-ff-" + name + "-N" must fit,
/// or the extra disks' serials come out equal), MAC index, firmware, and <paramref name="ExtraDisks"/> more disks of
/// <paramref name="ExtraDiskMiB"/> MiB. A UEFI machine keeps its UEFI variables (OVMF as pflash with its own <c>OVMF_VARS.fd</c>).
/// One vCPU: the storage walk with two took 841 s alone in its stage against 655 s with one (docs/fullfi-notes.md, "E2E stage bound").
/// </summary>
internal sealed record DebianMachine(string Prefix, string Name, int Index, Firmware Firmware, int ExtraDiskMiB = 0, int ExtraDisks = 1)
{
    /// <summary>A UEFI machine keeps its UEFI variables, so the walk checks curtin's NVRAM entry and releases it with quick erase.</summary>
    public bool Nvram => Firmware == Firmware.Uefi;
}

/// <summary>
/// What a storage walk adds to a Debian walk: the layout it gives the READY machine through the storage API
/// (<see cref="LayOutAsync"/>), the installer's lines it waits for once the tarball is being laid (<see cref="InstalledAsync"/>,
/// from the deploy's console mark), the installer's line for the root file system (<see cref="RootMade"/>), the deployed
/// system's <c>ingot-storage</c> line (<see cref="StorageLine"/>), and its checks of the deployed system's runcmd lines
/// (<see cref="DeployedAsync"/>, from the disk boot's mark, with the user-data's marker).
/// </summary>
internal sealed record DebianStorage(
    Func<MaasClient, string, Task> LayOutAsync,
    Func<BmcMachine, int, Task> InstalledAsync,
    string RootMade,
    int Arrays,
    string StorageLine,
    Func<BmcMachine, int, string, Task> DeployedAsync);

/// <summary>
/// The shared part of the real Debian deployments (issue 6): the Debian 12 root tarball of <c>scripts/build-debian-tarball.sh</c>
/// (kernel, GRUB, cloud-init, mdadm, lvm2, bcache-tools) registered as a <c>root-tgz</c> boot resource; a qemu VM behind an
/// ipmi_sim BMC, Ingot alone serving DHCP, TFTP and HTTP boot, enlisted and commissioned to READY as in the full-fidelity walk
/// (<see cref="LifecycleWalk"/>), optionally given a storage layout, then deployed with user-data: Ingot's installer lays the
/// tarball onto the layout, runs the target's grub-install and update-grub, writes the MAAS datasource config, netboot_off,
/// reboots; the network boot hands over to the disk (BIOS: iPXE's sanboot; UEFI: the network entry's <c>exit 1</c>, then the
/// installer's <c>debian</c> NVRAM entry), GRUB boots Debian, and cloud-init's own MAAS datasource fetches the user-data with
/// the machine's token (DEPLOYED) and runs it; its runcmd prints what the test checks on the console. TCG unless
/// INGOT_E2E_ACCEL names another qemu accelerator (kvm). The console, Ingot's output and the stage times are kept as
/// <c>&lt;prefix&gt;-*</c> in <see cref="NetworkBootLab.LogDirectory"/>.
/// </summary>
internal static class DebianWalk
{
    private static readonly TimeSpan s_installLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(5);

    // The installed system's first boot under TCG on a loaded host: GRUB reading the kernel and initramfs through the BIOS
    // took 170 s, cloud-init's init stage began at 134 s guest time and its config stage at 265 s (load average ~60).
    private static readonly TimeSpan s_firstBootLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Enlists, commissions, lays out (<paramref name="storage"/>, else MAAS's flat layout as commissioning left it) and deploys
    /// <paramref name="machine"/>; a machine with NVRAM is then released with quick erase (its network entry is first).
    /// </summary>
    public static async Task RunAsync(DebianMachine machine, DebianStorage? storage = null)
    {
        E2ERequirements.Require(machine.Firmware);
        E2ERequirements.RequireIpmi();
        // The tarball (built once per run, a minute when its cache is cold) is built while the lab starts; a skip (left out, no
        // mmdebstrap) comes back at once, before any lab is made.
        Task<string> building = DebianTarball.PathAsync();
        if (building.IsCompleted)
        {
            await building;
        }

        await using var lab = new NetworkBootLab(machine.Prefix);
        await lab.StartAsync();
        string tarball = await building;
        string image = await EphemeralImage.DirectoryAsync();
        await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/debian", "--root-tgz", tarball);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        // KVM only when asked (INGOT_E2E_ACCEL=kvm): on the development host /dev/kvm exists but a KVM guest does not even run SeaBIOS.
        string accelerator = Environment.GetEnvironmentVariable("INGOT_E2E_ACCEL") is { Length: > 0 } accel ? accel : "tcg";
        await using BmcMachine vm = await BmcMachine.StartAsync(
            lab.Network, machine.Name, machine.Index, cpus: 1, memoryMiB: 3072, diskMiB: 4096, accelerator, machine.Firmware,
            secondDiskMiB: machine.ExtraDiskMiB, extraDisks: machine.ExtraDisks, uefiVariables: machine.Nvram);
        var walk = new LifecycleWalk(vm, maas, lab);
        var stages = new BootStages();
        try
        {
            // Added through the API, not enlisted: FullLifecycleTests walks BIOS enlistment (two VMs), NetworkBootTests UEFI
            // enlistment, and this walk's subject comes after READY. One network boot fewer (docs/fullfi-notes.md, "E2E stage time").
            await walk.AddAndCommissionAsync(machine.Prefix + "-" + machine.Name);
            stages.Reached($"READY ({accelerator}, {machine.Firmware})");
            if (storage is not null)
            {
                await storage.LayOutAsync(maas, walk.SystemId);
                stages.Reached("storage laid out through the API");
            }

            await DeployAsync(vm, maas, walk, stages, lab.Network.Subnet, machine, storage);
            if (machine.Nvram)
            {
                // The network entry is first: the release's power on boots the network (wipe-disks), not the debian entry.
                await walk.ReleaseWithEraseAsync(middleKept: false);
                stages.Reached("released with quick erase (network first), READY");
            }
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"{machine.Prefix}-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
            await vm.KeepLogsAsync(NetworkBootLab.LogDirectory);
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"{machine.Prefix}-{machine.Name}-stages.txt"), $"{walk.Stages}--- deployment\n{stages}", CancellationToken.None);
        }
    }

    /// <summary>The JSON id of a storage API object, as the form fields take it.</summary>
    public static string Id(JsonElement e) => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The flat layout with its root partition made swap (unmounted, unformatted, formatted swap, mounted at none): the start of
    /// a storage walk, whose root is elsewhere. Returns the machine's block devices.
    /// </summary>
    public static async Task<JsonElement[]> FlatWithRootAsSwapAsync(MaasClient maas, string id)
    {
        await maas.PostAsync($"machines/{id}/?op=set_storage_layout", ("storage_layout", "flat"));
        JsonElement[] disks = [.. (await maas.GetAsync($"nodes/{id}/blockdevices/")).EnumerateArray()];
        JsonElement first = disks.Single(d => d.GetProperty("name").GetString() == "vda");
        string vda = Id(first);
        string root = Id(first.GetProperty("partitions").EnumerateArray()
            .Single(p => p.GetProperty("filesystem").ValueKind == JsonValueKind.Object && p.GetProperty("filesystem").GetProperty("mount_point").GetString() == "/"));
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=unmount");
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=unformat");
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=format", ("fstype", "swap"));
        await maas.PostAsync($"nodes/{id}/blockdevices/{vda}/partitions/{root}?op=mount", ("mount_point", "none"));
        return disks;
    }

    private static async Task DeployAsync(BmcMachine vm, MaasClient maas, LifecycleWalk walk, BootStages stages, string subnet, DebianMachine machine, DebianStorage? storage)
    {
        string id = walk.SystemId;
        string marker = $"ingot-marker-{Guid.NewGuid():N}";
        // The runcmd shows on the console what cloud-init rendered for the NIC (ifupdown), the firmware, the mounts and swap, the
        // system locale with what cloud-init's locale module made of it (it runs in modules:config, before runcmd), efibootmgr
        // and the marker. With arrays it first waits (at most 10 min in all) for their initial recovery, so that mdstat shows
        // their members in sync, then prints each array's mdstat lines and the ARRAY lines of mdadm.conf, and lvs; with a
        // bcache0 it writes a file through /home (the bcache) and prints bcache0's sysfs state, cache mode, cache set and slave
        // devices, and what is mounted at /home.
        string userData = $$"""
            #cloud-config
            runcmd:
              - |
                echo "ingot-net: $(cat /etc/network/interfaces.d/* 2>/dev/null | grep -E "^ *(iface|address)" | tr "\n" " ")" > /dev/console
                echo "ingot-boot: firmware $([ -d /sys/firmware/efi ] && echo uefi || echo bios), /boot/efi: $(grep " /boot/efi " /proc/mounts | cut -d " " -f 1,3)" > /dev/console
                echo "ingot-storage: / $(findmnt -n -o SOURCE,FSTYPE / | tr -s " "), /srv $(findmnt -n -o SOURCE,FSTYPE /srv | tr -s " "), swap $(swapon --show=NAME,TYPE --noheadings | tr -s " " | tr "\n" " ")" > /dev/console
                w=$(date +%s); [ -e /dev/md0 ] && timeout 600 sh -c 'for m in /dev/md[0-9]*; do mdadm --wait "$m"; done' > /dev/null 2>&1; echo "ingot-mdwait: $(($(date +%s) - w)) s" > /dev/console
                for m in $(grep -o "^md[0-9]*" /proc/mdstat); do echo "ingot-mdstat: $(grep -A 1 "^$m " /proc/mdstat | tr "\n" " " | tr -s " ")" > /dev/console; done
                echo "ingot-mdconf: $(grep -c "^ARRAY " /etc/mdadm/mdadm.conf 2>/dev/null) arrays" > /dev/console
                echo "ingot-lvs: $(lvs --noheadings --separator , -o vg_name,lv_name,lv_attr,devices 2>/dev/null | tr -d " " | tr "\n" " ")" > /dev/console
                if [ -e /sys/block/bcache0/bcache ]; then
                  echo {{marker}} > /home/ingot-bcache-marker && sync
                  b=/sys/block/bcache0/bcache
                  echo "ingot-bcache: state $(cat $b/state), mode $(cat $b/cache_mode), set $(basename "$(readlink $b/cache)"), slaves $(ls /sys/block/bcache0/slaves | tr "\n" " ")home $(findmnt -n -o SOURCE,FSTYPE,LABEL /home | tr -s " "), file $(cat /home/ingot-bcache-marker)" > /dev/console
                fi
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
        walk.ExpectPowerOn();
        JsonElement deploying = await maas.PostAsync($"machines/{id}/?op=deploy", ("distro_series", "ingot/debian"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(userData))));
        Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());
        JsonElement link = (await maas.GetAsync($"machines/{id}/")).GetProperty("interface_set")[0].GetProperty("links")[0];
        string address = link.TryGetProperty("ip_address", out JsonElement ip) && ip.ValueKind == JsonValueKind.String
            ? ip.GetString()!
            : throw new InvalidOperationException($"the deploy claimed no address for the AUTO link: {link}");
        stages.Reached("deploying");
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: writing tgz \S+/root-tgz to /dev/vda", s_bootLimit, "Ingot to power the machine on over IPMI and the installer to start laying the tarball");
        stages.Reached("installer: laying the tarball");
        if (storage is not null)
        {
            await storage.InstalledAsync(vm, mark);
            stages.Reached("installer: storage stack made");
        }

        string rootMade = storage?.RootMade ?? "INGOT-EPHEMERAL: agent: install: ext4 on partition 2 .*filled with the root tarball";
        await vm.WaitForConsoleAsync(mark, rootMade, s_installLimit, "the tarball unpacked and the ext4 root made from it");
        stages.Reached("installer: root file system made");
        string grub = machine.Firmware == Firmware.Uefi
            ? @"INGOT-EPHEMERAL: agent: install: GRUB installed on /dev/vda \(x86_64-efi, removable path EFI/BOOT/BOOTX64\.EFI on /dev/vda1\)"
            : @"INGOT-EPHEMERAL: agent: install: GRUB installed on /dev/vda \(i386-pc\)";
        // With arrays the installer writes the target's mdadm.conf and rebuilds its initramfs before it reports GRUB (boot-loader.sh):
        // the target's update-initramfs under TCG took 439 s at load ~30 (session "ramfold") and over 600 s at load 55–80.
        TimeSpan grubLimit = storage is { Arrays: > 0 } ? 2 * s_installLimit : s_installLimit;
        await vm.WaitForConsoleAsync(mark, grub, grubLimit, "the target's grub-install and update-grub (and with arrays its mdadm.conf and update-initramfs)");
        stages.Reached("installer: GRUB installed");
        if (storage is { Arrays: > 0 })
        {
            // After GRUB: the ARRAY lines in the target's mdadm.conf and its initramfs rebuilt (written once GRUB is in).
            await vm.WaitForConsoleAsync(mark, $@"INGOT-EPHEMERAL: agent: install: {storage.Arrays} arrays in /etc/mdadm/mdadm\.conf, initramfs rebuilt: initrd\.img-6\.1\.\S+-amd64", s_installLimit, "the target's mdadm.conf and update-initramfs");
            stages.Reached("installer: mdadm.conf written, initramfs rebuilt");
        }

        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: netboot_off posted", s_bootLimit, "netboot_off");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: done, .* rebooting", s_bootLimit, "the installer to reboot");
        stages.Reached("installer rebooting");
        // BIOS: the network boot (netboot off) hands over with iPXE's sanboot of the first disk. UEFI with variables: the network
        // entry is first, Ingot's local boot exits with a failure and OVMF goes on to the installer's 'debian' entry.
        string handover = machine.Nvram
            ? @"BdsDxe: starting Boot[0-9A-F]{4} ""debian"" from HD\(1,GPT,[^)]*\)/\\EFI\\debian\\grubx64\.efi"
            : "Booting from SAN device 0x80";
        Match san = await vm.WaitForConsoleAsync(mark, handover, s_bootLimit, "the network boot after the reboot to hand over to the disk (netboot off)");
        stages.Reached("network boot handed over to the disk");
        if (machine.Nvram)
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
            machine.Firmware == Firmware.Uefi ? "ingot-boot: firmware uefi, /boot/efi: /dev/vda1 vfat" : "ingot-boot: firmware bios, /boot/efi: ",
            boot.Value.TrimEnd('\r'));
        Match mounts = await vm.WaitForConsoleAsync(mark, "ingot-storage: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the mounts and the swap");
        Assert.Equal(storage?.StorageLine ?? "ingot-storage: / /dev/vda2 ext4, /srv , swap", mounts.Value.TrimEnd('\r', ' '));
        if (storage is not null)
        {
            await storage.DeployedAsync(vm, mark, marker);
        }

        // The tarball's C.UTF-8 (as MAAS's Ubuntu images): the locale module ran and kept it, no locale-gen, no failure.
        Match locale = await vm.WaitForConsoleAsync(mark, "ingot-locale: .*", TimeSpan.FromSeconds(5), "the runcmd's line with the system locale");
        Assert.Equal("ingot-locale: LANG=C.UTF-8, module locale ran 1, failed 0", locale.Value.TrimEnd('\r'));
        if (machine.Nvram)
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
        Assert.Equal(machine.Firmware == Firmware.Uefi ? "uefi" : "pxe", deployed.GetProperty("bios_boot_method").GetString());
        string[] events = await walk.EventDescriptionsAsync();
        Assert.Contains("'cmd-install' curtin command install", events);
        // cloud-init posts a stage's own start before it has read the webhook config, so Ingot sees the stage's sub-events
        // (as run 2's console showed for init-local: 'init-local/check-cache' start and finish, then 'init-local' finish only).
        Assert.Contains(events, e => e.StartsWith("'init-network/", StringComparison.Ordinal));
        Assert.Equal(walk.ExpectedBoots, vm.Boots);
        Assert.True(vm.IsRunning, "the deployed Debian stays up");
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
