using System.Text;
using System.Text.Json;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// Deployment and release with erase of a qemu VM, nothing faked: the machine is created by the operator
/// (its MAC, manual power) and commissioned by Ingot's agent to READY; deployed with
/// <c>ingot/deployable</c> (a raw disk image from <c>scripts/build-deploy-image.sh</c>, registered with its
/// <c>root-dd.raw</c>), the VM network-boots the installer (the agent's install step: curtin config, image
/// written with dd, cloudconfig, webhook events, <c>netboot_off</c>, reboot); started again it boots from its
/// disk (iPXE's local boot, syslinux), whose first boot fetches its user-data with the machine's token:
/// DEPLOYED. Released with <c>quick_erase</c>, it boots the ephemeral image, <c>wipe-disks</c> zeroes the start
/// and end of the disk, READY, and the disk file's first and last MiB are zero. Manual power: the test starts
/// the VM each time as an operator would. Consoles, ingot's output and the events are kept in
/// <see cref="NetworkBootLab.LogDirectory"/>.
/// </summary>
public sealed class DeploymentTests(NetworkBootLab lab) : IClassFixture<NetworkBootLab>
{
    private const int Index = 0x52;
    private const string UserData = "#cloud-config\n# ingot-e2e-user-data\n";
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_scriptsLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_ready_vm_is_deployed_with_a_raw_image_boots_from_its_disk_and_is_released_with_quick_erase_to_a_zeroed_disk()
    {
        E2ERequirements.Require();
        await lab.StartAsync();
        string image = await EphemeralImage.DirectoryAsync();
        string disk = await DeployImage.PathAsync();
        await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/deployable", "--root-dd-raw", disk);
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-e2e-deploy-");
        var hardware = VmHardware.Create(cpus: 1, memoryMiB: 512, diskMiB: 4096, diskSerial: "ingot-e2e-deploy0", directory.FullName);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        string systemId = "";
        try
        {
            string mac = $"52:54:00:e2:e0:{Index:x2}";
            JsonElement created = await maas.PostAsync("machines/", ("architecture", "amd64"), ("mac_addresses", mac), ("power_type", "manual"), ("hostname", "e2e-deploy"));
            systemId = created.GetProperty("system_id").GetString()!;
            Assert.Equal("Commissioning", created.GetProperty("status_name").GetString());

            // Boot 1: commissioning and testing by the agent; the VM powers itself off.
            await BootAsync("commissioning", async vm =>
            {
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: all scripts successfully ran", s_scriptsLimit, "the agent to commission and test the machine and signal OK");
                await vm.WaitForExitAsync(TimeSpan.FromMinutes(1), "the commissioned VM to power itself off");
            });
            Assert.Equal("Ready", await StatusAsync(maas, systemId));

            JsonElement deploying = await maas.PostAsync($"machines/{systemId}/?op=deploy", ("distro_series", "ingot/deployable"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData))));
            Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());

            // Boot 2: the installer writes the image, turns network boot off and reboots (qemu exits: -no-reboot).
            await BootAsync("installer", async vm =>
            {
                await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: install: writing dd-raw \S+root-dd.raw to /dev/vda", s_bootLimit, "the installer to read its curtin config and start writing the image");
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: install: netboot_off posted", s_bootLimit, "the image, its cloudconfig and netboot_off");
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: done, .* rebooting", TimeSpan.FromMinutes(1), "the installer to reboot");
                await vm.WaitForExitAsync(TimeSpan.FromMinutes(1), "the installer's reboot (qemu -no-reboot exits)");
            });
            JsonElement installed = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal(("Deploying", false), (installed.GetProperty("status_name").GetString(), installed.GetProperty("netboot").GetBoolean()));

            // Boot 3: iPXE's local boot hands over to the disk; the deployed system's first boot ends the deployment.
            string deployedConsole = await BootAsync("deployed", async vm =>
            {
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: running /ingot/deployed.sh", s_bootLimit, "the VM to boot the installed system from its disk");
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: deployed: first boot done", s_bootLimit, "the deployed system to fetch its user-data and report modules-final");
                await vm.WaitForExitAsync(TimeSpan.FromMinutes(1), "the deployed system to power off");
            });
            Assert.Contains("Booting from SAN device 0x80", deployedConsole, StringComparison.Ordinal);
            Assert.DoesNotContain("INGOT-EPHEMERAL: agent:", deployedConsole, StringComparison.Ordinal);
            Assert.Contains($"deployed: instance {systemId}, user-data {UserData.Length} bytes: #cloud-config # ingot-e2e-user-data", deployedConsole, StringComparison.Ordinal);
            JsonElement deployed = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal(("Deployed", "ingot", "deployable"), (deployed.GetProperty("status_name").GetString(), deployed.GetProperty("osystem").GetString(), deployed.GetProperty("distro_series").GetString()));
            Assert.False(IsZero(hardware.DiskPath, 0, 1 << 20), "the disk's first MiB holds the deployed image");
            string[] events = [.. (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
            Assert.Contains("'cmd-install' curtin command install", events);
            Assert.Contains("'modules-final' running modules for final", events);

            // Release with quick erase; boot 4: the ephemeral image runs wipe-disks and the machine is READY.
            JsonElement erasing = await maas.PostAsync($"machines/{systemId}/?op=release", ("erase", "true"), ("quick_erase", "true"));
            Assert.Equal("Disk erasing", erasing.GetProperty("status_name").GetString());
            await BootAsync("erase", async vm =>
            {
                await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: finished wipe-disks \[1/1\]: exit 0", s_scriptsLimit, "wipe-disks to quick-erase the disk");
                await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: all release scripts successfully ran", TimeSpan.FromMinutes(1), "the agent to signal OK");
                await vm.WaitForExitAsync(TimeSpan.FromMinutes(1), "the erased VM to power off");
            });
            Assert.Equal("Ready", await StatusAsync(maas, systemId));
            Assert.True(IsZero(hardware.DiskPath, 0, 1 << 20), "the disk's first MiB is zero after quick erase");
            Assert.True(IsZero(hardware.DiskPath, hardware.DiskBytes - (1 << 20), 1 << 20), "the disk's last MiB is zero after quick erase");
            Assert.False(IsZero(hardware.DiskPath, 4 << 20, 16 << 20), "quick erase left the middle of the disk alone");
        }
        finally
        {
            await KeepLogsAsync(maas, systemId);
            directory.Delete(recursive: true);
        }

        async Task<string> BootAsync(string name, Func<QemuMachine, Task> waits)
        {
            await using QemuMachine vm = await QemuMachine.StartAsync(lab.Network, Index, Firmware.Bios, hardware: hardware);
            try
            {
                await waits(vm);
                return vm.Console;
            }
            finally
            {
                await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"vm-deploy-{name}-console.log"), vm.Console, CancellationToken.None);
            }
        }
    }

    private static async Task<string> StatusAsync(MaasClient maas, string systemId) =>
        (await maas.GetAsync($"machines/{systemId}/")).GetProperty("status_name").GetString()!;

    private static bool IsZero(string path, long offset, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        byte[] buffer = new byte[length];
        file.ReadExactly(buffer);
        return buffer.All(b => b == 0);
    }

    private async Task KeepLogsAsync(MaasClient maas, string systemId)
    {
        await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "deploy-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
        if (systemId.Length == 0)
        {
            return;
        }

        string events;
        try
        {
            events = (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).ToString();
        }
        catch (InvalidOperationException e)
        {
            events = $"events could not be read: {e.Message}";
        }

        await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "deploy-events.json"), events, CancellationToken.None);
    }
}
