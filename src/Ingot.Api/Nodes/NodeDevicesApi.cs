using System.Globalization;
using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Scripts.Catalog;
using Ingot.Wire.Machines;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>nodes/{system_id}/devices/</c> and <c>nodes/{system_id}/devices/{id}/</c> (MAAS's
/// <c>NodeDevicesHandler</c>, <c>NodeDeviceHandler</c>): the PCI and USB devices the last commissioning
/// found. The list filters on <c>bus</c> (PCIE/USB or 1/2), <c>hardware_type</c>, and — case-insensitively —
/// <c>vendor_id</c>, <c>product_id</c>, <c>vendor_name</c>, <c>product_name</c>, <c>commissioning_driver</c>.
/// The item id is the device id, a USB <c>bus:device</c>, or a PCI address. An admin may delete one (it
/// comes back on the next commissioning if still present). 404 "No Node matches the given query." for a
/// node the caller may not view.
/// </summary>
public static class NodeDevicesApi
{
    public static ApiResource Collection { get; } = new(
        "nodes/{system_id}/devices/",
        new ApiHandler("NodeDevicesHandler", "View NodeDevices from a Node.")
            .Read(ListAsync, "Return a list of devices attached to the node given by a system_id.\n\n:param bus: PCIE or USB.\n:param hardware_type: node, cpu, memory, storage or gpu.\n:param vendor_id: Only devices with this vendor id.\n:param product_id: Only devices with this product id.\n:param vendor_name: Only devices with this vendor name.\n:param product_name: Only devices with this product name.\n:param commissioning_driver: Only devices using this driver when commissioning."));

    public static ApiResource Item { get; } = new(
        "nodes/{system_id}/devices/{id}/",
        new ApiHandler("NodeDeviceHandler", "View a specific NodeDevice from a Node.")
            .Read(ReadAsync, "Return a node device with the given system_id and node device id.")
            .Delete(DeleteAsync, "Delete a node device with the given system_id and id. If the device is still present in the system it will be recreated when the node is commissioned."));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await VisibleAsync(request, ct);
        IEnumerable<NodeDevice> devices = machine.NodeDevices;
        if (request.Query.Get("bus") is { } bus)
        {
            NodeDeviceBus wanted = Bus(bus);
            devices = devices.Where(d => d.Bus == wanted);
        }

        if (request.Query.Get("hardware_type") is { } type)
        {
            int wanted = ScriptChoices.HardwareType(type, out string? error) ?? throw ApiException.BadRequest(error ?? "Invalid hardware type.");
            devices = devices.Where(d => d.HardwareType == wanted);
        }

        devices = Filter(request, devices, "vendor_id", d => d.VendorId);
        devices = Filter(request, devices, "product_id", d => d.ProductId);
        devices = Filter(request, devices, "vendor_name", d => d.VendorName);
        devices = Filter(request, devices, "product_name", d => d.ProductName);
        devices = Filter(request, devices, "commissioning_driver", d => d.CommissioningDriver);
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        var chosen = devices.ToList();
        return ApiResult.Json(writer => NodeDeviceJson.WriteAll(writer, machine, chosen, context));
    }

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await VisibleAsync(request, ct);
        NodeDevice device = Find(machine, request.Route("id"));
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        return ApiResult.Json(writer => NodeDeviceJson.Write(writer, machine, device, context));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        if (!request.Caller.IsAdmin)
        {
            throw MachineOperationException.PermissionDenied();
        }

        Machine machine = await VisibleAsync(request, ct);
        NodeDevice device = Find(machine, request.Route("id"));
        machine.NodeDevices.Remove(device);
        await request.Service<IMachineStore>().SaveAsync(machine, ct);
        return ApiResult.Deleted();
    }

    /// <summary>MAAS's <c>_get_node_device</c>: a number is the id, <c>a:b</c> a USB bus and device, anything else a PCI address.</summary>
    private static NodeDevice Find(Machine machine, string id)
    {
        NodeDevice? found;
        if (id.Length > 0 && id.All(char.IsAsciiDigit))
        {
            found = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? machine.NodeDevices.Find(d => d.Id == n) : null;
        }
        else if (id.Split(':') is [string busText, string deviceText])
        {
            if (!int.TryParse(busText, NumberStyles.None, CultureInfo.InvariantCulture, out int busNumber)
                || !int.TryParse(deviceText, NumberStyles.None, CultureInfo.InvariantCulture, out int deviceNumber))
            {
                throw ApiException.BadRequest("Invalid id format!");
            }

            found = machine.NodeDevices.Find(d => d.BusNumber == busNumber && d.DeviceNumber == deviceNumber);
        }
        else
        {
            found = machine.NodeDevices.Find(d => d.PciAddress == id);
        }

        return found ?? throw ApiException.NotFound("NodeDevice");
    }

    /// <summary>MAAS's <c>translate_bus</c>.</summary>
    private static NodeDeviceBus Bus(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return text switch
            {
                "1" => NodeDeviceBus.Pcie,
                "2" => NodeDeviceBus.Usb,
                _ => throw ApiException.BadRequest("Invalid bus numeric value."),
            };
        }

        return text.ToLowerInvariant() switch
        {
            "pcie" or "pci" => NodeDeviceBus.Pcie,
            "usb" => NodeDeviceBus.Usb,
            _ => throw ApiException.BadRequest("Bus must be PCIE or USB."),
        };
    }

    private static IEnumerable<NodeDevice> Filter(ApiRequest request, IEnumerable<NodeDevice> devices, string name, Func<NodeDevice, string> field) =>
        request.Query.Get(name) is { } value ? devices.Where(d => string.Equals(field(d), value, StringComparison.OrdinalIgnoreCase)) : devices;

    private static async Task<Machine> VisibleAsync(ApiRequest request, CancellationToken ct) =>
        await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct) ?? throw ApiException.NotFound("Node");
}
