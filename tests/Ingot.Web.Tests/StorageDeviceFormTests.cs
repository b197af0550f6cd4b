using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The storage forms that edit what exists: a RAID from free disks, format and mount, unmount, unformat, delete
/// (partition, volume group, logical volume, RAID) and the boot disk, each refused with Core's text and nothing changed.
/// </summary>
[Collection(UiTests.Name)]
public sealed class StorageDeviceFormTests(UiHost host)
{
    private async Task<(string Id, IPage Page)> OpenReadyAsync(string name, CancellationToken ct, Action<Machine>? shape = null)
    {
        string id = await host.Admin.CreateMachineAsync($"{name}-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        Machine machine = await host.MachineAsync(id);
        machine.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 8 * MachineSetup.Gb, IdPath = "/dev/sdb" });
        machine.BlockDevices.Add(new BlockDevice { Name = "sdc", SizeBytes = 8 * MachineSetup.Gb, IdPath = "/dev/sdc" });
        shape?.Invoke(machine);
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        return (id, page);
    }

    private static ILocator Row(IPage page, string device) => page.GetByTestId("storage-device-table").Locator($"tr[data-device='{device}']");

    [Fact(Timeout = 90_000)]
    public async Task A_raid_is_refused_below_its_level_minimum_then_made_formatted_mounted_unmounted_and_deleted()
    {
        (string id, IPage page) = await OpenReadyAsync("raid", TestContext.Current.CancellationToken);
        ILocator raid = page.GetByTestId("raid-form");

        await raid.GetByLabel("RAID level").SelectOptionAsync("raid-5");
        await raid.GetByLabel("sdb").SelectOptionAsync("active");
        await raid.GetByLabel("sdc").SelectOptionAsync("active");
        await raid.GetByRole(AriaRole.Button, new() { Name = "Create RAID" }).ClickAsync();
        await Expect(raid.GetByTestId("raid-error")).ToHaveTextAsync("RAID level 5 must have at least 3 raid devices and any number of spares.");
        Assert.Empty((await host.MachineAsync(id)).Storage.Raids);

        await raid.GetByLabel("RAID level").SelectOptionAsync("raid-1");
        await raid.GetByRole(AriaRole.Button, new() { Name = "Create RAID" }).ClickAsync();
        await Expect(raid.GetByRole(AriaRole.Status)).ToHaveTextAsync("RAID md0 created.");
        await Expect(Row(page, "md0")).ToContainTextAsync("raid-1, 2 active, 0 spare");
        await Expect(Row(page, "sdb")).ToContainTextAsync("raid");

        await page.GetByRole(AriaRole.Button, new() { Name = "Format and mount md0" }).ClickAsync();
        ILocator fs = page.GetByTestId("filesystem-form");
        await fs.GetByLabel("Filesystem for md0").SelectOptionAsync("xfs");
        await fs.GetByLabel("Mount point").FillAsync("data");
        await fs.GetByRole(AriaRole.Button, new() { Name = "Save filesystem" }).ClickAsync();
        await Expect(fs.GetByTestId("filesystem-error")).ToHaveTextAsync("mount_point: Enter a valid absolute path.");
        Assert.Null((await host.MachineAsync(id)).Storage.Raids[0].Filesystem);

        await fs.GetByLabel("Mount point").FillAsync("/data");
        await fs.GetByRole(AriaRole.Button, new() { Name = "Save filesystem" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("Filesystem of md0 saved.");
        await Expect(Row(page, "md0")).ToContainTextAsync("xfs");
        await Expect(Row(page, "md0")).ToContainTextAsync("/data");
        await page.ScreenshotAsync("machine-storage-devices");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete md0" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete md0" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("md0 deleted.");
        Assert.Empty((await host.MachineAsync(id)).Storage.Raids);
        Assert.All((await host.MachineAsync(id)).BlockDevices.Where(d => d.Name != "sda"), d => Assert.Null(d.Filesystem));

        await page.GetByRole(AriaRole.Button, new() { Name = "Format and mount sdb" }).ClickAsync();
        await fs.GetByLabel("Filesystem for sdb").SelectOptionAsync("ext4");
        await fs.GetByLabel("Mount point").FillAsync("/srv");
        await fs.GetByRole(AriaRole.Button, new() { Name = "Save filesystem" }).ClickAsync();
        await Expect(Row(page, "sdb")).ToContainTextAsync("/srv");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unformat sdb" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unmount sdb" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("sdb unmounted.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unformat sdb" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("sdb unformatted.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set sdc as the boot disk" }).ClickAsync();
        await Expect(Row(page, "sdc")).ToContainTextAsync("sdc (boot)");
        await page.Context.CloseAsync();

        Machine machine = await host.MachineAsync(id);
        Assert.Null(machine.BlockDevices.Single(d => d.Name == "sdb").Filesystem);
        Assert.Equal(new[] { "sdc" }, machine.BlockDevices.Where(d => d.IsBootDisk).Select(d => d.Name).ToArray());
    }

    [Fact(Timeout = 90_000)]
    public async Task A_group_member_is_refused_deletion_and_volumes_groups_and_partitions_are_deleted_in_turn()
    {
        (string id, IPage page) = await OpenReadyAsync("vgdel", TestContext.Current.CancellationToken, m => DefaultStorage.Apply(m, "lvm"));
        Machine before = await host.MachineAsync(id);
        VolumeGroup group = Assert.Single(before.Storage.VolumeGroups);
        string volume = $"{group.Name}-{group.LogicalVolumes[0].Name}";
        BlockDevice sda = before.BlockDevices.Single(d => d.Name == "sda");
        int member = sda.Partitions.FindIndex(p => p.Filesystem?.Type == StorageFilesystems.LvmPv);
        string memberName = $"sda-part{member + 1}";

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {memberName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {memberName}" }).ClickAsync();
        await Expect(page.GetByTestId("device-error")).ToHaveTextAsync("Cannot delete partition because it is in use by a volume group or RAID.");
        Assert.Equal(sda.Partitions.Count, (await host.MachineAsync(id)).BlockDevices.Single(d => d.Name == "sda").Partitions.Count);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {volume}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {volume}" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync($"{volume} deleted.");
        await Expect(Row(page, volume)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {group.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {group.Name}" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync($"{group.Name} deleted.");
        await Expect(Row(page, memberName)).Not.ToContainTextAsync("lvm-pv");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {memberName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {memberName}" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync($"{memberName} deleted.");
        await page.Context.CloseAsync();

        Machine after = await host.MachineAsync(id);
        Assert.Empty(after.Storage.VolumeGroups);
        Assert.Equal(sda.Partitions.Count - 1, after.BlockDevices.Single(d => d.Name == "sda").Partitions.Count);
    }
}
