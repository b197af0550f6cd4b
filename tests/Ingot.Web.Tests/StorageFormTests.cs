using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The storage forms of a machine's page: partitions with filesystems, volume groups, logical volumes.</summary>
[Collection(UiTests.Name)]
public sealed class StorageFormTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Partitions_a_volume_group_and_a_logical_volume_are_made_and_a_bad_mount_point_changes_nothing()
    {
        string id = await host.Admin.CreateMachineAsync($"stor-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator forms = page.GetByTestId("storage-edit-forms");

        await forms.GetByLabel("Partition size").FillAsync("4G");
        await forms.GetByLabel("Partition filesystem").SelectOptionAsync("ext4");
        await forms.GetByLabel("Partition mount point").FillAsync("srv");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Add partition" }).ClickAsync();
        await Expect(forms.GetByTestId("storage-error")).ToHaveTextAsync("mount_point: Enter a valid absolute path.");
        Assert.Empty((await host.MachineAsync(id)).BlockDevices[0].Partitions);

        await forms.GetByLabel("Partition mount point").FillAsync("/srv");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Add partition" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Partition added.");
        await forms.GetByLabel("Partition size").FillAsync("");
        await forms.GetByLabel("Partition filesystem").SelectOptionAsync("");
        await forms.GetByLabel("Partition mount point").FillAsync("");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Add partition" }).ClickAsync();
        await Expect(forms.GetByLabel("sda-part2")).ToBeVisibleAsync();

        await forms.GetByLabel("Volume group name").FillAsync("vg0");
        await forms.GetByLabel("sda-part2").CheckAsync();
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create volume group" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Volume group vg0 created.");
        await forms.GetByLabel("Logical volume name").FillAsync("lv0");
        await forms.GetByLabel("Logical volume size").FillAsync("2G");
        await forms.GetByLabel("Logical volume filesystem").SelectOptionAsync("xfs");
        await forms.GetByLabel("Logical volume mount point").FillAsync("/var/lib");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create logical volume" }).ClickAsync();
        await Expect(forms.GetByTestId("volume-groups")).ToContainTextAsync("vg0-lv0 (xfs at /var/lib)");
        await page.ScreenshotAsync("machine-storage-forms");
        await page.Context.CloseAsync();

        Machine machine = await host.MachineAsync(id);
        BlockDevice disk = machine.BlockDevices[0];
        Assert.Equal(2, disk.Partitions.Count);
        Assert.Equal(("ext4", "/srv"), (disk.Partitions[0].Filesystem?.Type, disk.Partitions[0].Filesystem?.MountPoint));
        VolumeGroup group = Assert.Single(machine.Storage.VolumeGroups);
        LogicalVolume volume = Assert.Single(group.LogicalVolumes);
        Assert.Equal(("vg0", "lv0", "xfs", "/var/lib"), (group.Name, volume.Name, volume.Filesystem?.Type, volume.Filesystem?.MountPoint));
    }
}
