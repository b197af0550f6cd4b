using System.Globalization;
using Ingot.Core.Hardware;
using Ingot.Core.Scripts.Catalog;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>The PCI and USB devices of a machine, as its last commissioning found them (MAAS's <c>NodeDevice</c>).</summary>
public sealed partial class MachineDevices
{
    [Parameter, EditorRequired]
    public IReadOnlyList<NodeDevice> Devices { get; set; } = [];

    /// <summary>A PCI device's <c>dddd:bb:dd.f</c>, a USB device's bus and device number as <c>lsusb</c> prints them.</summary>
    private static string Address(NodeDevice device) =>
        device.Bus == NodeDeviceBus.Usb
            ? string.Create(CultureInfo.InvariantCulture, $"Bus {device.BusNumber:000} Device {device.DeviceNumber:000}")
            : device.PciAddress ?? "";

    private static string Named(string name, string id) => name.Length > 0 ? $"{name} ({id})" : id;

    /// <summary>MAAS's <c>HARDWARE_TYPE</c> names, as the API's <c>hardware_type_name</c>.</summary>
    private static string HardwareType(int type) =>
        type >= 0 && type < ScriptChoices.HardwareTypeNames.Count ? ScriptChoices.HardwareTypeNames[type] : type.ToString(CultureInfo.InvariantCulture);
}
