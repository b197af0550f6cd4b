using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The storage layout form (<c>set_storage_layout</c>) through Core's StorageEditing, following StorageEditRules.Layout.</summary>
[Collection(UiTests.Name)]
public sealed class StorageLayoutFormTests(UiHost host)
{
    private async Task<IPage> OpenAsync(string id, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_applies_the_lvm_layout_with_its_names_and_size_to_a_Ready_machine_and_sees_the_volume()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"lvm-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        IPage page = await OpenAsync(id, ct);
        ILocator form = page.GetByTestId("storage-layout-form");

        await form.GetByLabel("Storage layout").SelectOptionAsync("lvm");
        await form.GetByLabel("Volume group name").FillAsync("vgdata");
        await form.GetByLabel("Logical volume name").FillAsync("lvdata");
        await form.GetByLabel("Logical volume size").FillAsync("8G");
        await form.GetByRole(AriaRole.Button, new() { Name = "Set storage layout" }).ClickAsync();
        await Expect(form.GetByTestId("layout-done")).ToHaveTextAsync("Storage layout lvm applied.");
        await Expect(page.GetByTestId("volume-groups")).ToContainTextAsync("vgdata-lvdata (ext4 at /)");
        await page.ScreenshotAsync("machine-storage-layout");
        await page.Context.CloseAsync();

        VolumeGroup group = Assert.Single((await host.MachineAsync(id)).Storage.VolumeGroups);
        LogicalVolume volume = Assert.Single(group.LogicalVolumes);
        Assert.True(StorageSize.TryParse("8G", out long eight, out _));
        Assert.Equal(("vgdata", "lvdata", "/"), (group.Name, volume.Name, volume.Filesystem?.MountPoint));
        Assert.InRange(volume.SizeBytes, eight - (4 * StorageSpace.MiB), eight);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_layout_that_does_not_fit_shows_Cores_message_and_changes_nothing_and_an_Allocated_machine_has_the_button_disabled()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"nofit-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        Machine stored = await host.MachineAsync(id);
        var tooBig = new StorageLayoutRequest("flat", RootSize: "100G");
        string expected = UiErrors.Describe(Assert.Throws<MachineFormException>(() => StorageLayout.Apply(stored, tooBig)));
        IPage page = await OpenAsync(id, ct);
        ILocator form = page.GetByTestId("storage-layout-form");

        await form.GetByLabel("Storage layout").SelectOptionAsync("flat");
        await form.GetByLabel("Root size").FillAsync("100G");
        await form.GetByRole(AriaRole.Button, new() { Name = "Set storage layout" }).ClickAsync();
        await Expect(form.GetByTestId("layout-error")).ToHaveTextAsync(expected);
        Assert.Empty((await host.MachineAsync(id)).BlockDevices[0].Partitions);

        Machine machine = await host.MachineAsync(id);
        machine.TransitionTo(MachineStatus.Allocated, TimeProvider.System.GetUtcNow().UtcDateTime, UiHost.AdminName);
        machine.SetOwner(UiHost.AdminName);
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator button = page.GetByTestId("storage-layout-form").GetByRole(AriaRole.Button, new() { Name = "Set storage layout" });
        await Expect(button).ToBeDisabledAsync();
        await Expect(button).ToHaveAttributeAsync("title", StorageEditRules.LayoutNotReady);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task The_form_previews_Cores_result_for_the_chosen_layout_and_its_refusal_before_anything_is_applied()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"preview-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        Machine stored = await host.MachineAsync(id);
        var lvm = new StorageLayoutRequest("lvm", VgName: "vgprev", LvSize: "8G");
        IReadOnlyList<StorageRow> expected = StorageRow.Of(StorageLayout.Preview(stored, lvm));
        string refusal = UiErrors.Describe(Assert.Throws<MachineFormException>(() => StorageLayout.Apply(stored, lvm with { RootSize = "100G" })));
        IPage page = await OpenAsync(id, ct);
        ILocator form = page.GetByTestId("storage-layout-form");
        ILocator preview = form.GetByTestId("layout-preview");

        await Expect(preview.GetByTestId("layout-preview-table")).ToContainTextAsync("ext4");
        await form.GetByLabel("Storage layout").SelectOptionAsync("lvm");
        await form.GetByLabel("Volume group name").FillAsync("vgprev");
        await form.GetByLabel("Logical volume size").FillAsync("8G");
        await form.GetByLabel("Logical volume size").PressAsync("Tab");
        ILocator rows = preview.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(expected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            StorageRow row = expected[i];
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-device", row.Name);
            await Expect(rows.Nth(i).Locator("td").Nth(1)).ToHaveTextAsync(Display.Bytes(row.Size));
            await Expect(rows.Nth(i).Locator("td").Nth(2)).ToHaveTextAsync(row.Filesystem?.Type ?? "");
            await Expect(rows.Nth(i).Locator("td").Nth(3)).ToHaveTextAsync(row.Filesystem?.MountPoint ?? "");
        }

        Assert.Contains(expected, r => r is { Name: "vgprev-lvroot", Filesystem.MountPoint: "/" });
        await page.ScreenshotAsync("machine-storage-layout-preview");
        Assert.Empty((await host.MachineAsync(id)).BlockDevices[0].Partitions);
        Assert.Empty((await host.MachineAsync(id)).Storage.VolumeGroups);

        await form.GetByLabel("Root size").FillAsync("100G");
        await form.GetByLabel("Root size").PressAsync("Tab");
        await Expect(preview.GetByTestId("layout-preview-refusal")).ToHaveTextAsync($"Does not fit: {refusal}");
        await Expect(preview.GetByTestId("layout-preview-table")).ToHaveCountAsync(0);

        await form.GetByLabel("Root size").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Set storage layout" }).ClickAsync();
        await Expect(form.GetByTestId("layout-done")).ToHaveTextAsync("Storage layout lvm applied.");
        ILocator applied = page.GetByTestId("storage-device-table").Locator("tbody tr");
        await Expect(applied).ToHaveCountAsync(expected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            await Expect(applied.Nth(i)).ToHaveAttributeAsync("data-device", expected[i].Name);
        }

        await page.Context.CloseAsync();
    }
}
