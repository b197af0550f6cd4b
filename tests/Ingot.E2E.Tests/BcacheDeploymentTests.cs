using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// bcache laid by Ingot's installer on a real VM (issue 6): a BIOS qemu VM behind an ipmi_sim BMC with two small extra disks,
/// enlisted and commissioned to READY (<see cref="LifecycleWalk"/>), then given through the storage API the flat layout on vda, a
/// cache set on the whole of vdb (<c>bcache-cache-sets</c>) and <c>bcache0</c> (<c>bcaches</c>, writeback) backed by the whole of
/// vdc, ext4 at <c>/srv</c>, and deployed with the Debian tarball of <c>scripts/build-debian-tarball.sh</c> (bcache-tools). The
/// installer makes the cache set and the backing device with the target's <c>make-bcache</c>, registers both, attaches the backing
/// device to the set by its UUID and sets the cache mode as curtin does; the deployed system's udev rules (bcache-tools) assemble
/// <c>bcache0</c> at boot, systemd mounts <c>/srv</c> from it, and the user-data's runcmd prints <c>/sys/block/bcache0/bcache</c>'s
/// state, cache mode and cache set, and the mount. Logs <c>bc-*</c> in <see cref="NetworkBootLab.LogDirectory"/>.
/// </summary>
public sealed class BcacheDeploymentTests
{
    private static readonly TimeSpan s_installLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_firstBootLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Srv_on_a_writeback_bcache_with_a_second_disk_as_its_cache_is_assembled_at_boot_and_the_deployed_system_reports_it_attached()
    {
        E2ERequirements.Require(Firmware.Bios);
        E2ERequirements.RequireIpmi();
        string tarball = await DebianTarball.PathAsync();
        await using var lab = new NetworkBootLab("bc");
        await lab.StartAsync();
        string image = await EphemeralImage.DirectoryAsync();
        await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/debian", "--root-tgz", tarball);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        string accelerator = Environment.GetEnvironmentVariable("INGOT_E2E_ACCEL") is { Length: > 0 } accel ? accel : "tcg";
        // "ingot-ff-debian-bc-3" is the 20 characters of a virtio serial qemu keeps (the installer finds vdb and vdc by serial).
        await using BmcMachine vm = await BmcMachine.StartAsync(lab.Network, "debian-bc", 0x0A, cpus: 1, memoryMiB: 3072, diskMiB: 4096, accelerator, Firmware.Bios, secondDiskMiB: 1024, extraDisks: 2);
        var walk = new LifecycleWalk(vm, maas);
        var stages = new BootStages();
        try
        {
            await walk.EnlistAsync();
            await walk.CommissionAsync();
            stages.Reached($"READY ({accelerator}, bios)");
            await LayOutSrvOnBcacheAsync(maas, walk.SystemId);
            await DeployAsync(vm, maas, walk, stages);
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "bc-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
            await vm.KeepLogsAsync(NetworkBootLab.LogDirectory);
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "bc-debian-bc-stages.txt"), $"{walk.Stages}--- deployment\n{stages}", CancellationToken.None);
        }
    }

    /// <summary>The flat layout on vda; a cache set on vdb; bcache0 (writeback) backed by vdc, ext4 labelled srv at /srv.</summary>
    private static async Task LayOutSrvOnBcacheAsync(MaasClient maas, string id)
    {
        await maas.PostAsync($"machines/{id}/?op=set_storage_layout", ("storage_layout", "flat"));
        JsonElement[] disks = [.. (await maas.GetAsync($"nodes/{id}/blockdevices/")).EnumerateArray()];
        string Disk(string name) => disks.Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        JsonElement set = await maas.PostAsync($"nodes/{id}/bcache-cache-sets/", ("cache_device", Disk("vdb")));
        string setId = set.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        JsonElement bcache = await maas.PostAsync($"nodes/{id}/bcaches/", ("name", "bcache0"), ("cache_set", setId), ("backing_device", Disk("vdc")), ("cache_mode", "writeback"));
        Assert.Equal(("bcache0", "writeback", "vdc"), (bcache.GetProperty("name").GetString(), bcache.GetProperty("cache_mode").GetString(), bcache.GetProperty("backing_device").GetProperty("name").GetString()));
        long device = bcache.GetProperty("virtual_device").GetProperty("id").GetInt64();
        await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=format", ("fstype", "ext4"), ("label", "srv"));
        await maas.PostAsync($"nodes/{id}/blockdevices/{device}/?op=mount", ("mount_point", "/srv"));
    }

    private static async Task DeployAsync(BmcMachine vm, MaasClient maas, LifecycleWalk walk, BootStages stages)
    {
        string id = walk.SystemId;
        string marker = $"ingot-marker-{Guid.NewGuid():N}";
        // The runcmd writes a file through /srv (the bcache), then prints the bcache's sysfs state, cache mode, cache set and
        // slave devices, and what is mounted at /srv.
        string userData = $$"""
            #cloud-config
            runcmd:
              - |
                echo {{marker}} > /srv/ingot-bcache-marker && sync
                b=/sys/block/bcache0/bcache
                echo "ingot-bcache: state $(cat $b/state), mode $(cat $b/cache_mode), set $(basename "$(readlink $b/cache)"), slaves $(ls /sys/block/bcache0/slaves | tr "\n" " ")srv $(findmnt -n -o SOURCE,FSTYPE,LABEL /srv | tr -s " "), file $(cat /srv/ingot-bcache-marker)" > /dev/console
                echo "ingot-marker: {{marker}}" > /dev/console

            """;
        await maas.PostAsync("machines/?op=allocate", ("system_id", id));
        int mark = vm.ConsoleMark();
        JsonElement deploying = await maas.PostAsync($"machines/{id}/?op=deploy", ("distro_series", "ingot/debian"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(userData))));
        Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());
        stages.Reached("deploying");
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: writing tgz \S+/root-tgz to /dev/vda", s_bootLimit, "Ingot to power the machine on over IPMI and the installer to start laying the tarball");
        stages.Reached("installer: laying the tarball");
        Match made = await vm.WaitForConsoleAsync(mark,
            @"INGOT-EPHEMERAL: agent: install: bcache bcache0 is /dev/bcache0: backing /dev/vdc, cache /dev/vdb \(set ([0-9a-f-]{36})\), (clean|dirty), mode writeback",
            s_installLimit, "the target's make-bcache to make the cache set on vdb and bcache0 on vdc, attached, writeback");
        string cacheSet = made.Groups[1].Value;
        stages.Reached("installer: bcache0 made and attached");
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: ext4 on /dev/bcache0\r?$", s_installLimit, "the /srv file system made on /dev/bcache0");
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: GRUB installed on /dev/vda \(i386-pc\)", s_installLimit, "the target's grub-install and update-grub");
        stages.Reached("installer: GRUB installed");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: done, .* rebooting", s_bootLimit, "the installer to reboot");
        stages.Reached("installer rebooting");
        Match san = await vm.WaitForConsoleAsync(mark, "Booting from SAN device 0x80", s_bootLimit, "the network boot after the reboot to hand over to the disk (netboot off)");
        stages.Reached("network boot handed over to the disk");
        mark = san.Index;
        await vm.WaitForConsoleAsync(mark, @"Linux version 6\.1\.\S+-amd64 .*Debian", s_firstBootLimit, "GRUB to boot the installed Debian kernel");
        stages.Reached("Debian kernel booting");
        await vm.WaitForConsoleAsync(mark, "ingot-marker: " + marker, s_firstBootLimit, "cloud-init to fetch the user-data and run its runcmd");
        Match line = await vm.WaitForConsoleAsync(mark, "ingot-bcache: .*", TimeSpan.FromSeconds(5), "the runcmd's line with bcache0's state");
        // Attached to the cache set the installer made (its UUID), bcache0 over both the backing (vdc) and the cache (vdb) device,
        // writeback kept in the backing device's superblock, /srv mounted from bcache0 and written through it.
        Assert.Matches(
            $@"^ingot-bcache: state (clean|dirty), mode writethrough \[writeback\] writearound none, set {cacheSet}, slaves vdb vdc srv /dev/bcache0 ext4 srv, file {marker}$",
            line.Value.TrimEnd('\r', ' '));
        stages.Reached("user-data's runcmd ran");
        await walk.WaitForStatusAsync("Deployed", TimeSpan.FromMinutes(2), "the deployed system's user-data read to end the deployment");
        stages.Reached("DEPLOYED");
        string deployedBoot = vm.Console[mark..];
        Assert.DoesNotContain("INGOT-EPHEMERAL", deployedBoot, StringComparison.Ordinal);
        JsonElement deployed = await maas.GetAsync($"machines/{id}/");
        Assert.Equal(("Deployed", false), (deployed.GetProperty("status_name").GetString(), deployed.GetProperty("netboot").GetBoolean()));
        Assert.Equal(["pxe", "pxe", "pxe"], vm.Boots);
    }
}
