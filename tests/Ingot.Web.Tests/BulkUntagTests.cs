using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>Untag in bulk on the machines list, next to tag: one of the selected machines' tags removed from them all.</summary>
[Collection(UiTests.Name)]
public sealed class BulkUntagTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Untag_in_bulk_removes_the_chosen_tag_from_every_selected_machine_and_keeps_the_others()
    {
        string u = MachineListTests.Unique();
        string a = await host.Admin.CreateMachineAsync($"bun-a-{u}");
        string b = await host.Admin.CreateMachineAsync($"bun-b-{u}");
        await host.Admin.PostAsync("tags/", null, ("name", $"gone-{u}"));
        await host.Admin.PostAsync("tags/", null, ("name", $"kept-{u}"));
        await host.Admin.PostAsync($"tags/gone-{u}/", "update_nodes", ("add", a), ("add", b));
        await host.Admin.PostAsync($"tags/kept-{u}/", "update_nodes", ("add", a));

        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.OpenMachinesAsync();
        await page.GetByLabel("Search").FillAsync($"bun {u}");
        await Expect(page.Locator("table.machines tbody tr[data-system-id]")).ToHaveCountAsync(2);
        await page.GetByLabel("Select all shown machines").CheckAsync();

        ILocator actions = page.Locator("#bulk-action option");
        string[] names = [.. await actions.EvaluateAllAsync<string[]>("options => options.map(o => o.value)")];
        Assert.Equal(Array.IndexOf(names, "tag") + 1, Array.IndexOf(names, "untag"));

        await page.Locator("#bulk-action").SelectOptionAsync("untag");
        ILocator options = page.GetByRole(AriaRole.Group, new() { Name = "Action options" });
        ILocator tag = options.GetByLabel("Tag");
        // The list learns of the tags from the change feed a moment after the API made them: wait for them.
        await Expect(tag.Locator("option")).ToHaveTextAsync([$"gone-{u}", $"kept-{u}"]);
        await tag.SelectOptionAsync($"gone-{u}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to 2" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Untag" })).ToHaveTextAsync("Untag: 2 of 2 machines done.");
        await page.ScreenshotAsync("list-bulk-untag");
        await page.Context.CloseAsync();

        Assert.Equal(new[] { $"kept-{u}" }, (await host.MachineAsync(a)).Tags.ToArray());
        Assert.Empty((await host.MachineAsync(b)).Tags);
    }
}
