using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The bcache forms of the storage tab: a cache set, a bcache refused without a cache set then made, and both deleted from their rows.</summary>
[Collection(UiTests.Name)]
public sealed class BcacheFormTests(UiHost host)
{
    private static ILocator Row(IPage page, string device) => page.GetByTestId("storage-device-table").Locator($"tr[data-device='{device}']");

    [Fact(Timeout = 90_000)]
    public async Task A_cache_set_and_a_bcache_are_created_refused_without_a_cache_set_and_deleted_in_order()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"bcache-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        Machine machine = await host.MachineAsync(id);
        machine.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 8 * MachineSetup.Gb, IdPath = "/dev/sdb" });
        machine.BlockDevices.Add(new BlockDevice { Name = "sdc", SizeBytes = 4 * MachineSetup.Gb, IdPath = "/dev/sdc" });
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        ILocator forms = page.GetByTestId("bcache-forms");
        ILocator bcache = page.GetByTestId("bcache-form");
        await bcache.GetByLabel("Backing device").SelectOptionAsync(new SelectOptionValue { Label = "sdb (8.59 GB)" });
        await bcache.GetByRole(AriaRole.Button, new() { Name = "Create bcache" }).ClickAsync();
        await Expect(forms.GetByTestId("bcache-error")).ToHaveTextAsync("cache_set: This field is required.");
        Assert.Empty((await host.MachineAsync(id)).Storage.Bcaches);

        ILocator cacheSet = page.GetByTestId("cache-set-form");
        await cacheSet.GetByLabel("Cache device").SelectOptionAsync(new SelectOptionValue { Label = "sdc (4.29 GB)" });
        await cacheSet.GetByRole(AriaRole.Button, new() { Name = "Create cache set" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cache set cache0 created.");
        await Expect(Row(page, "cache0")).ToContainTextAsync("cache device sdc");
        await Expect(Row(page, "sdc")).ToContainTextAsync("bcache-cache");

        await bcache.GetByLabel("Cache set").SelectOptionAsync(new SelectOptionValue { Label = "cache0" });
        await bcache.GetByLabel("Backing device").SelectOptionAsync(new SelectOptionValue { Label = "sdb (8.59 GB)" });
        await bcache.GetByLabel("Cache mode").SelectOptionAsync("writeback");
        await bcache.GetByRole(AriaRole.Button, new() { Name = "Create bcache" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bcache bcache0 created.");
        await Expect(Row(page, "bcache0")).ToContainTextAsync("writeback, backing sdb, cache0");
        Machine saved = await host.MachineAsync(id);
        Assert.Equal(("bcache0", "writeback"), (saved.Storage.Bcaches[0].Name, saved.Storage.Bcaches[0].CacheMode));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete cache0" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete cache0" }).ClickAsync();
        await Expect(page.GetByTestId("device-error")).ToHaveTextAsync("Cannot delete cache set; it's currently in use.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete bcache0" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete bcache0" }).ClickAsync();
        await Expect(Row(page, "bcache0")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete cache0" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete cache0" }).ClickAsync();
        await Expect(Row(page, "cache0")).ToHaveCountAsync(0);
        Machine after = await host.MachineAsync(id);
        Assert.True(after.Storage.IsEmpty);
        Assert.All(after.BlockDevices, d => Assert.Null(d.Filesystem));
    }
}
