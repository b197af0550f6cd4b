using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Storage;

namespace Ingot.Core.Tests.Storage;

public sealed class StorageLayoutPreviewTests
{
    [Fact]
    public void A_preview_is_what_apply_makes_and_leaves_the_machine_as_it_was()
    {
        Machine machine = StorageMachines.With(true, 100, 200);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        string before = Curtin(machine);
        var request = new StorageLayoutRequest("lvm", RootDevice: "12", VgName: "system", LvSize: "50%");

        Machine preview = StorageLayout.Preview(machine, request);

        Assert.Equal(before, Curtin(machine));
        Assert.Empty(machine.Storage.VolumeGroups);
        Machine applied = StorageMachines.With(true, 100, 200);
        StorageLayout.Apply(applied, request);
        Assert.Equal(Curtin(applied), Curtin(preview));
        Assert.Equal([11L, 12L], preview.BlockDevices.Select(d => d.Id));
        Assert.Equal("system", Assert.Single(preview.Storage.VolumeGroups).Name);
    }

    [Fact]
    public void A_layout_that_does_not_fit_is_refused_by_the_preview_with_applys_message_and_nothing_changes()
    {
        Machine machine = StorageMachines.With(true, 10);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        string before = Curtin(machine);
        var request = new StorageLayoutRequest("flat", RootSize: "20G");

        var preview = Assert.Throws<MachineFormException>(() => StorageLayout.Preview(machine, request));
        var apply = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(StorageMachines.With(true, 10), request));

        Assert.Equal(apply.Errors["root_size"], preview.Errors["root_size"]);
        Assert.Equal(before, Curtin(machine));
    }

    private static string Curtin(Machine machine) =>
        Core.Rendering.YamlText.Write(new System.Text.Json.Nodes.JsonObject { ["storage"] = CurtinStorage.Render(machine) });
}
