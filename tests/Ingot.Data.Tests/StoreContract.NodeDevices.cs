using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Node_devices_from_commissioning_are_stored_and_replaced_by_the_next_commissioning()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);
        const string first = """
            {"resources": {"pci": {"devices": [
              {"pci_address": "0000:00:03.0", "vendor_id": "1af4", "product_id": "1041", "vendor": "Red Hat, Inc.", "driver": "virtio-pci"},
              {"pci_address": "0000:00:04.0", "vendor_id": "1af4", "product_id": "1042", "driver": "virtio-pci"}]},
             "usb": {"devices": [{"bus_address": 1, "device_address": 2, "vendor_id": "0627", "product_id": "0001", "interfaces": [{"driver": "usbhid"}]}]}}}
            """;
        Machine loaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        loaded.ApplyInventory(InventoryParser.Parse(System.Text.Encoding.UTF8.GetBytes(first)).Inventory!, Now);
        await data.Machines.SaveAsync(loaded, Ct);

        Machine saved = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(["0000:00:03.0", "0000:00:04.0", null], saved.NodeDevices.Select(d => d.PciAddress));
        Assert.Equal((NodeDeviceBus.Usb, 1, 2, "usbhid"), (saved.NodeDevices[2].Bus, saved.NodeDevices[2].BusNumber ?? 0, saved.NodeDevices[2].DeviceNumber ?? 0, saved.NodeDevices[2].CommissioningDriver));
        Assert.Equal(saved.NodeDevices, (await data.Machines.ListAsync(Ct)).Single(m => m.SystemId == machine.SystemId).NodeDevices);

        const string second = """{"resources": {"pci": {"devices": [{"pci_address": "0000:00:04.0", "vendor_id": "1af4", "product_id": "1042"}]}}}""";
        saved.ApplyInventory(InventoryParser.Parse(System.Text.Encoding.UTF8.GetBytes(second)).Inventory!, Now);
        await data.Machines.SaveAsync(saved, Ct);

        NodeDevice only = Assert.Single((await data.Machines.FindAsync(machine.SystemId, Ct))!.NodeDevices);
        Assert.Equal((2, "0000:00:04.0"), (only.Id, only.PciAddress));
    }

    [Fact]
    public async Task A_script_set_keeps_the_tags_the_request_named()
    {
        await using DataServices data = Database.Open();
        string systemId = TestMachines.NewSystemId();
        var set = new ScriptSet { SystemId = systemId, Kind = ScriptSetKind.Commissioning, Run = 1, Created = Now, Tags = ["firmware", "gpu"] };
        set.Results.Add(new ScriptResult { Name = "50-maas-01-commissioning", Status = ScriptStatus.Pending, Created = Now, Updated = Now });
        await data.ScriptResults.AddSetAsync(set, Ct);

        ScriptSet found = (await data.ScriptResults.FindSetAsync(systemId, ScriptSetKind.Commissioning, 1, Ct))!;
        Assert.Equal(["firmware", "gpu"], found.Tags);
    }
}
