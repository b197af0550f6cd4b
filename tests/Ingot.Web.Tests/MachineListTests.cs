using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class MachineListTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Search_filters_sorting_and_status_groups_narrow_the_list()
    {
        string u = Unique();
        await host.Admin.PostAsync("zones/", null, ("name", $"rack{u}"));
        await host.Admin.PostAsync("tags/", null, ("name", $"gpu{u}"));
        string web1 = await host.Admin.CreateMachineAsync($"web1-{u}", zone: $"rack{u}");
        string web2 = await host.Admin.CreateMachineAsync($"web2-{u}", zone: $"rack{u}");
        await host.Admin.CreateMachineAsync($"db1-{u}");
        await host.Admin.CreateMachineAsync($"db2-{u}", deployed: true);
        await host.Admin.PostAsync($"tags/gpu{u}/", "update_nodes", ("add", web2));
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.OpenMachinesAsync();

        await page.GetByLabel("Search").FillAsync(u);

        ILocator rows = page.Locator("table.machines tbody tr[data-system-id]");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.Locator("tr.group th", new() { HasText = "New" })).ToContainTextAsync("3 machines");
        await Expect(page.Locator("tr.group th", new() { HasText = "Deployed" })).ToContainTextAsync("1 machine");
        await page.ExpectStatusAsync($"db2-{u}", "Deployed");

        await page.GetByLabel("Zone").SelectOptionAsync($"rack{u}");
        await Expect(rows).ToHaveCountAsync(2);
        await page.GetByLabel("Tag").SelectOptionAsync($"gpu{u}");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-system-id", web2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await page.GetByLabel("Group by status").UncheckAsync();
        await page.GetByLabel("Search").FillAsync($"web {u}");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveAttributeAsync("data-system-id", web1);
        await page.GetByRole(AriaRole.Button, new() { Name = "FQDN" }).ClickAsync();
        await Expect(rows.First).ToHaveAttributeAsync("data-system-id", web2);
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("FQDN");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_user_sees_unowned_machines_and_their_own_but_not_others()
    {
        string u = Unique();
        await host.User.CreateMachineAsync($"mine-{u}", deployed: true);
        await host.Admin.CreateMachineAsync($"admins-{u}", deployed: true);
        await host.Admin.CreateMachineAsync($"free-{u}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await page.OpenMachinesAsync();

        await page.GetByLabel("Search").FillAsync(u);

        await Expect(page.Locator("table.machines tbody tr[data-system-id]")).ToHaveCountAsync(2);
        await Expect(page.Row($"mine-{u}")).ToBeVisibleAsync();
        await Expect(page.Row($"free-{u}")).ToBeVisibleAsync();
        await Expect(page.Row($"admins-{u}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_bulk_action_applies_where_allowed_and_shows_MAAS_error_for_each_refused_machine()
    {
        string u = Unique();
        await host.Admin.CreateMachineAsync($"fresh-{u}");
        await host.Admin.CreateMachineAsync($"busy-{u}", deployed: true);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.OpenMachinesAsync();
        await page.GetByLabel("Search").FillAsync(u);
        await Expect(page.Locator("table.machines tbody tr[data-system-id]")).ToHaveCountAsync(2);

        await page.GetByLabel("Select all shown machines").CheckAsync();
        await Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("2 selected");
        await page.Locator("#bulk-action").SelectOptionAsync("commission");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to 2" }).ClickAsync();

        ILocator results = page.GetByTestId("action-results");
        await Expect(results).ToContainTextAsync("Commission: 1 of 2 machines done.");
        await Expect(results.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"busy-{u}: commission action is not available for this node.");
        await page.ExpectStatusAsync($"fresh-{u}", "Commissioning");
        await page.ExpectStatusAsync($"busy-{u}", "Deployed");
        await page.ScreenshotAsync("machines-bulk-refused");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_status_changed_through_the_API_shows_in_the_open_list_without_reload()
    {
        string u = Unique();
        string id = await host.Admin.CreateMachineAsync($"live-{u}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.OpenMachinesAsync();
        await page.GetByLabel("Search").FillAsync(u);
        await page.ExpectStatusAsync($"live-{u}", "New");
        string urlBefore = page.Url;

        await host.Admin.PostAsync($"machines/{id}/", "commission");

        await Expect(page.Row($"live-{u}").Locator("[data-testid=status]")).ToHaveTextAsync("Commissioning", new() { Timeout = 5_000 });
        Assert.Equal(urlBefore, page.Url);
        await Expect(page.GetByLabel("Search")).ToHaveValueAsync(u);
        await page.ScreenshotAsync("machines-live-update");
        await page.Context.CloseAsync();
    }

    internal static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
