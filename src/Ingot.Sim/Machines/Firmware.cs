namespace Ingot.Sim.Machines;

/// <summary>
/// How a simulated machine's firmware network-boots: a BIOS PXE ROM (option 93 = 0, loads
/// <c>undionly.kpxe</c> over TFTP), a UEFI PXE ROM (option 93 = 7, loads <c>ipxe.efi</c> over TFTP),
/// or a NIC whose ROM already is iPXE (asks DHCP as iPXE straight away, no TFTP).
/// </summary>
public enum Firmware
{
    Bios,
    Uefi,
    IpxeRom,
}
