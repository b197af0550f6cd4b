namespace Ingot.E2E.Tests.Lab;

/// <summary>How a VM starts: legacy BIOS (SeaBIOS) or UEFI (OVMF on q35).</summary>
internal enum Firmware
{
    Bios,
    Uefi,
}
