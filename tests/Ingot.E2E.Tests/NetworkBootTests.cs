using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.Core.Boot;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// A qemu VM (TCG) network-boots from Ingot alone — Ingot's DHCP, TFTP and HTTP boot, nothing else on
/// the link — in UEFI mode without the NIC's iPXE ROM (the firmware's own PXE loads <c>ipxe.efi</c> over Ingot's TFTP, the
/// only TFTP boot of the E2E tests), and reaches the ephemeral image's <c>/init</c>. An unknown MAC
/// boots the enlistment script on the commissioning image the operator chose, and the machine enlists: NEW with the VM's MAC (the
/// E2E tests' only UEFI enlistment; BIOS enlistment: <see cref="FullLifecycleTests"/>). Every stage has its own
/// bound and names what it waited for (bounds are many times the unloaded timings: TCG on this shared
/// 2-core host slows down ten-fold when others build); the consoles and ingot's output are kept in
/// <see cref="NetworkBootLab.LogDirectory"/>.
/// </summary>
public sealed class NetworkBootTests(NetworkBootLab lab) : IClassFixture<NetworkBootLab>
{
    // The BIOS and the UEFI boot through the NIC's iPXE ROM were facts here too; every walk boots that way (BIOS:
    // FullLifecycleTests, RescueModeTests, the storage walk; UEFI: the UEFI Debian walk) and LifecycleWalk.EnlistAsync makes their checks (lease,
    // /init's address, the enlist preseed) of BIOS enlistment boots (docs/fullfi-notes.md, "E2E stage time"). The UEFI enlistment
    // moved here from the UEFI Debian walk, which adds its machine through the API now ("E2E stage bound").
    [Fact]
    public Task A_uefi_vm_without_ipxe_loads_ipxe_over_tftp_and_boots_the_ephemeral_image() => BootAsync(3, Firmware.Uefi, nicRom: false);

    private async Task BootAsync(int index, Firmware firmware, bool nicRom = true)
    {
        E2ERequirements.Require(firmware);
        await lab.StartAsync();
        await using QemuMachine vm = await QemuMachine.StartAsync(lab.Network, index, firmware, nicRom: nicRom);
        string name = firmware.ToString().ToLowerInvariant() + (nicRom ? "" : "-firmware-pxe");
        var stages = new BootStages();
        try
        {
            DhcpLease lease = await WaitForLeaseAsync(vm, TimeSpan.FromSeconds(180));
            stages.Reached("lease stored");
            if (!nicRom)
            {
                await vm.WaitForConsoleAsync("NBP file downloaded successfully", TimeSpan.FromSeconds(120), "the firmware's PXE client to load ipxe.efi over Ingot's TFTP");
                stages.Reached("ipxe.efi loaded over TFTP");
                Assert.Contains("NBP filename is ipxe.efi", vm.Console, StringComparison.Ordinal);
                await lab.Server.WaitForOutputAsync($"TFTP sent 'ipxe.efi' to {lease.Address}:", TimeSpan.FromSeconds(10), "Ingot's TFTP server to log the transfer");
            }

            string bootPath = Regex.Escape(lab.Server.BootUrl.ToString().TrimEnd('/'));
            string mac = Regex.Escape(vm.Mac).Replace(":", "(:|%3A)", StringComparison.Ordinal);
            await vm.WaitForConsoleAsync($"{bootPath}/ipxe/mac/{mac}/boot\\.ipxe", TimeSpan.FromSeconds(120), "iPXE to fetch its per-machine script from Ingot's HTTP boot");
            stages.Reached("per-machine iPXE script");
            await vm.WaitForConsoleAsync($"{bootPath}/images/ingot/amd64/generic/ephemeral/\\w+/boot-initrd", TimeSpan.FromSeconds(120), "iPXE to load the ephemeral kernel and initrd over HTTP");
            stages.Reached("initrd requested");
            await vm.WaitForConsoleAsync("Linux version", TimeSpan.FromSeconds(120), "the Linux kernel to start");
            stages.Reached("Linux version");
            Match up = await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: up mac=(\S+) ip=(\S+) if=", TimeSpan.FromSeconds(180), "the ephemeral image's /init to bring up its NIC with DHCP");
            stages.Reached("INGOT-EPHEMERAL: up");
            Match preseed = await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: cloud-config-url=(\S+) rc=", TimeSpan.FromSeconds(90), "/init to fetch the cloud-config-url= of its kernel command line");

            Assert.Equal(vm.Mac, up.Groups[1].Value);
            string address = up.Groups[2].Value.Split('/')[0];
            Assert.True(IPNetwork.Parse(lab.Network.Subnet).Contains(IPAddress.Parse(address)), $"/init got {address}, outside {lab.Network.Subnet}");
            Assert.Equal(lease.Address.ToString(), address);
            Assert.Contains(await lab.Server.LeasesAsync(), l => l.Mac.ToString() == vm.Mac && l.Address.ToString() == address);
            Assert.Equal($"{lab.Server.BootUrl.ToString().TrimEnd('/')}/MAAS/metadata/latest/enlist-preseed/?op=get_enlist_preseed", preseed.Groups[1].Value);

            Match enlisted = await vm.WaitForConsoleAsync(@"INGOT-EPHEMERAL: agent: enlisted as (\w+)", TimeSpan.FromSeconds(180), "the agent to enlist the unknown VM (anonymous machines create)");
            stages.Reached("enlisted");
            await vm.WaitForConsoleAsync("INGOT-EPHEMERAL: agent: all scripts successfully ran", TimeSpan.FromSeconds(300), "the enlistment's commissioning scripts to run and signal OK");
            stages.Reached("enlistment scripts ran");
            using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
            JsonElement machine = await maas.GetAsync($"machines/{enlisted.Groups[1].Value}/");
            Assert.Equal(("New", "amd64/generic"), (machine.GetProperty("status_name").GetString(), machine.GetProperty("architecture").GetString()));
            Assert.Contains(machine.GetProperty("interface_set").EnumerateArray(), i => i.GetProperty("mac_address").GetString() == vm.Mac);
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"vm-{name}-console.log"), vm.Console, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, $"vm-{name}-stages.txt"), stages.ToString(), CancellationToken.None);
        }
    }

    /// <summary>Stage one: Ingot's DHCP server stored a lease for the VM's MAC (read from its database).</summary>
    private async Task<DhcpLease> WaitForLeaseAsync(QemuMachine vm, TimeSpan limit)
    {
        DateTimeOffset until = TimeProvider.System.GetUtcNow() + limit;
        while (TimeProvider.System.GetUtcNow() < until)
        {
            if ((await lab.Server.LeasesAsync()).FirstOrDefault(l => l.Mac.ToString() == vm.Mac) is { } lease)
            {
                return lease;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException(
            $"Waited {limit.TotalSeconds} s for Ingot's DHCP server to lease an address to {vm.Mac} on {lab.Network.HostInterface}. " +
            $"Console:\n{vm.Console}\nIngot:\n{lab.Server.Output}");
    }
}
