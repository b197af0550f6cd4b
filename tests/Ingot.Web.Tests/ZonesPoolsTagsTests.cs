using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class ZonesPoolsTagsTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task An_admin_adds_renames_and_deletes_a_zone_and_cannot_delete_the_default_one()
    {
        string name = $"zone-{MachineListTests.Unique()}";
        IPage page = await OpenAsAdminAsync("MAAS/r/zones", TestContext.Current.CancellationToken);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Description").FillAsync("rack 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add zone" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToContainTextAsync("rack 7");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await page.Locator("#edit-name").FillAsync(name + "-b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}-b']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("zones");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}-b" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {name}-b" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}-b']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete default" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete default" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("This zone is the default zone, it cannot be deleted.");
        await Expect(page.Locator("tr[data-name='default']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_pool_holding_a_machine_is_not_deleted_and_a_duplicate_name_gets_the_apis_message()
    {
        string name = $"pool-{MachineListTests.Unique()}";
        await host.Admin.PostAsync("resourcepools/", null, ("name", name));
        await host.Admin.CreateMachineAsync($"pooled-{MachineListTests.Unique()}", pool: name);
        IPage page = await OpenAsAdminAsync("MAAS/r/pools", TestContext.Current.CancellationToken);
        await Expect(page.Locator($"tr[data-name='{name}'] td.num")).ToHaveTextAsync("1");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {name}" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("machines");
        await Expect(page.Locator($"tr[data-name='{name}']")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add resource pool" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("name: Resource pool with this Name already exists.");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_user_sees_zones_and_tags_without_the_admin_forms()
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        foreach (string path in new[] { "MAAS/r/zones", "MAAS/r/pools", "MAAS/r/tags" })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Add|Delete|Edit)") })).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_adds_a_tag_with_a_definition_edits_it_and_a_bad_xpath_is_refused()
    {
        string name = $"tag{MachineListTests.Unique()}";
        IPage page = await OpenAsAdminAsync("MAAS/r/tags", TestContext.Current.CancellationToken);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Definition (XPath)").FillAsync("//node[@class='system']");
        await page.GetByLabel("Comment").FillAsync("all systems");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToContainTextAsync("all systems");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await page.GetByLabel("Kernel options").FillAsync("console=ttyS0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tag" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToContainTextAsync("console=ttyS0");
        await page.ScreenshotAsync("tags");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name + "bad");
        await page.GetByLabel("Definition (XPath)").FillAsync("//node[");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("definition");
        await Expect(page.Locator($"tr[data-name='{name}bad']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {name}" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    internal static async Task<IPage> OpenAsync(UiHost host, string path, string username, string password, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(username, password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    private Task<IPage> OpenAsAdminAsync(string path, CancellationToken ct) => OpenAsync(host, path, UiHost.AdminName, UiHost.AdminPassword, ct);
}
