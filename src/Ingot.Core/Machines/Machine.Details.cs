namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>MAAS's free-text <c>description</c>, given when the machine is added.</summary>
    public string Description { get; set; } = "";

    /// <summary>
    /// MAAS's <c>bios_boot_method</c> as commissioning reports it (<c>pxe</c>, <c>uefi</c>, ...);
    /// empty when unknown. Cloning storage requires it to match.
    /// </summary>
    public string BiosBootMethod { get; set; } = "";
}
