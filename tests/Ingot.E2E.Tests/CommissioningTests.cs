using System.Text.Json;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// The whole in-band flow with nothing faked: the operator adds a machine with manual power through the API, which
/// starts commissioning; a qemu VM (TCG, 2 vCPUs, 512 MiB, a 64 MiB virtio disk), started as the operator would,
/// network-boots Ingot's ephemeral image from Ingot alone with its own credentials, commissions and tests
/// (COMMISSIONING → TESTING → READY) and powers itself off. The machine then holds the hardware qemu was started with,
/// its results and PCI devices. (PXE enlistment of an unknown VM is walked by <see cref="FullLifecycleTests"/>.) Each
/// stage is bounded and names what it waited for; the console, ingot's output and the machine's events are kept in
/// <see cref="NetworkBootLab.LogDirectory"/>.
/// </summary>
public sealed class CommissioningTests(NetworkBootLab lab) : IClassFixture<NetworkBootLab>
{
    private const int Index = 0x51;
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan s_scriptsLimit = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_vm_added_with_manual_power_commissions_tests_and_is_ready_with_the_hardware_qemu_gave_it()
    {
        E2ERequirements.Require();
        await lab.StartAsync();
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-e2e-commissioning-");
        var hardware = VmHardware.Create(cpus: 2, memoryMiB: 512, diskMiB: 64, diskSerial: "ingot-e2e-disk0", directory.FullName);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        string systemId = "";
        try
        {
            // The operator adds the machine through the API with manual power (MAAS's admin machines create), which starts
            // commissioning at once. PXE enlistment of an unknown VM is walked by FullLifecycleTests (two VMs): this test
            // does not enlist too, one network boot fewer (docs/fullfi-notes.md, "E2E stage time").
            string mac = QemuMachine.MacFor(Index);
            JsonElement created = await maas.PostAsync("machines/", ("architecture", "amd64/generic"), ("mac_addresses", mac), ("power_type", "manual"));
            systemId = created.GetProperty("system_id").GetString()!;
            Assert.Equal("Commissioning", created.GetProperty("status_name").GetString());

            // The one boot: commissioning and testing (manual power: the operator starts the VM).
            await using (QemuMachine vm = await QemuMachine.StartAsync(lab.Network, Index, Firmware.Bios, hardware: hardware))
            {
                try
                {
                    await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: metadata \S+", s_bootLimit, "the added VM, started by the operator, to boot with its own credentials (by-id preseed)");
                    Assert.DoesNotContain("no credentials, enlisting", vm.Console, StringComparison.Ordinal);
                    await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: finished 50-maas-01-commissioning \[\d+/\d+\]: exit 0", s_scriptsLimit, "the commissioning run to gather its resources");
                    await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: starting testing scripts", s_scriptsLimit, "the commissioning scripts to pass and the agent to signal TESTING");
                    await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: finished smartctl-validate \[1/1\]: exit 0", s_scriptsLimit, "the storage self-check of the testing run");
                    await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: all scripts successfully ran", s_scriptsLimit, "the testing scripts to pass and the agent to signal OK");
                    await vm.WaitForExitAsync(TimeSpan.FromMinutes(1), "the commissioned VM to power itself off");
                }
                finally
                {
                    await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "vm-commissioning-console.log"), vm.Console, CancellationToken.None);
                }
            }

            JsonElement machine = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal("Ready", machine.GetProperty("status_name").GetString());
            Assert.Equal(hardware.Cpus, machine.GetProperty("cpu_count").GetInt32());
            Assert.Equal(hardware.MemoryMiB, machine.GetProperty("memory").GetInt32());
            Assert.Equal("amd64/generic", machine.GetProperty("architecture").GetString());
            JsonElement disk = Assert.Single(machine.GetProperty("physicalblockdevice_set").EnumerateArray());
            Assert.Equal(hardware.DiskBytes, disk.GetProperty("size").GetInt64());
            Assert.Equal(hardware.DiskSerial, disk.GetProperty("serial").GetString());
            JsonElement nic = Assert.Single(machine.GetProperty("interface_set").EnumerateArray());
            Assert.Equal(mac, nic.GetProperty("mac_address").GetString());

            JsonElement commissioning = await maas.GetAsync($"nodes/{systemId}/results/current-commissioning/");
            Assert.All(commissioning.GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("status_name").GetString() == "Passed", r.ToString()));
            Assert.Contains(commissioning.GetProperty("results").EnumerateArray(), r => r.GetProperty("name").GetString() == "50-maas-01-commissioning");
            JsonElement testing = await maas.GetAsync($"nodes/{systemId}/results/current-testing/");
            Assert.Contains(testing.GetProperty("results").EnumerateArray(), r => r.GetProperty("name").GetString() == "smartctl-validate" && r.GetProperty("status_name").GetString() == "Passed");

            // The PCI devices the agent read from /sys: the virtio NIC (Red Hat's vendor id 1af4) is the machine's interface.
            JsonElement devices = await maas.GetAsync($"nodes/{systemId}/devices/");
            Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("bus_name").GetString() == "PCIE"
                && d.GetProperty("vendor_id").GetString() == "1af4"
                && d.GetProperty("hardware_type_name").GetString() == "Network"
                && d.GetProperty("physical_interface").ValueKind == JsonValueKind.Object
                && d.GetProperty("physical_interface").GetProperty("mac_address").GetString() == mac);
        }
        finally
        {
            await KeepLogsAsync(maas, systemId);
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Ingot's output and the machine's events, next to the consoles.</summary>
    private async Task KeepLogsAsync(MaasClient maas, string systemId)
    {
        await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "commissioning-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
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

        await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "commissioning-events.json"), events, CancellationToken.None);
    }
}
