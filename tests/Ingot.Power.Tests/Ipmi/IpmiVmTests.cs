using Ingot.Sim.Ipmi;

namespace Ingot.Power.Tests.Ipmi;

public class IpmiVmTests
{
    [Fact]
    public void The_command_starts_qemu_with_the_vms_vcpus_and_its_extra_arguments_after_the_nic()
    {
        var vm = new IpmiVm("tap0", "52:54:00:ff:00:01") { Cpus = 2, ExtraArguments = ["-drive", "file=/d.raw,format=raw,if=none,id=d0"] };

        IReadOnlyList<string> command = vm.Command("ff-a");

        int smp = command.ToList().IndexOf("-smp");
        Assert.Equal("2", command[smp + 1]);
        Assert.Equal(["virtio-net-pci,netdev=n0,mac=52:54:00:ff:00:01", "-drive", "file=/d.raw,format=raw,if=none,id=d0"], command.TakeLast(3));
    }

    [Fact]
    public void By_default_the_vm_has_one_vcpu_and_no_extra_arguments()
    {
        IReadOnlyList<string> command = new IpmiVm("tap0", "52:54:00:ff:00:01").Command("ff-a");

        Assert.Equal("1", command[command.ToList().IndexOf("-smp") + 1]);
        Assert.Equal("virtio-net-pci,netdev=n0,mac=52:54:00:ff:00:01", command[^1]);
    }

    [Fact]
    public void A_uefi_vm_boots_the_whole_firmware_with_bios_and_keeps_no_variables()
    {
        IReadOnlyList<string> command = new IpmiVm("tap0", "52:54:00:ff:00:01") { UefiFirmware = "/usr/share/ovmf/OVMF.fd" }.Command("ff-a");

        Assert.Equal(["-machine", "q35", "-bios", "/usr/share/ovmf/OVMF.fd"], command.TakeLast(4));
        Assert.DoesNotContain(command, a => a.StartsWith("if=pflash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_uefi_vm_with_a_variable_store_gets_the_code_read_only_and_its_own_variables_writable_as_pflash()
    {
        var vm = new IpmiVm("tap0", "52:54:00:ff:00:01") { UefiFirmware = "/usr/share/OVMF/OVMF_CODE.fd", UefiVariables = "/tmp/m/OVMF_VARS.fd" };

        IReadOnlyList<string> command = vm.Command("ff-a");

        Assert.Equal(
            ["-machine", "q35", "-drive", "if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd", "-drive", "if=pflash,format=raw,file=/tmp/m/OVMF_VARS.fd"],
            command.TakeLast(6));
        Assert.DoesNotContain("-bios", command);
    }
}
