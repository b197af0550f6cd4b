using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class MachineDetailsTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Details_show_summary_hardware_interfaces_events_and_power_configuration_to_an_admin_only()
    {
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"detail-{u}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);

        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"detail-{u}.maas");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync(id);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Hardware" })).ToContainTextAsync("cores");
        await Expect(page.GetByTestId("interfaces").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("power-configuration")).ToContainTextAsync("manual");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Commission" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("machine-details-admin");
        await page.Context.CloseAsync();

        IPage userPage = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await userPage.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await userPage.GotoAsync($"MAAS/r/machine/{id}");
        await userPage.WaitForCircuitAsync();
        await Expect(userPage.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await Expect(userPage.GetByTestId("power-configuration")).ToHaveCountAsync(0);
        await Expect(userPage.GetByRole(AriaRole.Button, new() { Name = "Commission" })).ToHaveCountAsync(0);
        await userPage.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Commission_then_abort_from_the_details_page_moves_the_status_through_the_table()
    {
        string id = await host.Admin.CreateMachineAsync($"cycle-{MachineListTests.Unique()}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Commission", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, commission" }).ClickAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning");
        await Expect(page.GetByTestId("events")).ToContainTextAsync("Commission");

        await page.GetByRole(AriaRole.Button, new() { Name = "Abort", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, abort" }).ClickAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Lock_hides_the_edit_actions_and_unlock_brings_them_back()
    {
        string id = await host.Admin.CreateMachineAsync($"lockme-{MachineListTests.Unique()}", deployed: true);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, lock" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".status-line")).ToContainTextAsync("Locked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, unlock" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_action_refused_by_the_UI_rules_shows_MAAS_error_text()
    {
        // Mark fixed is offered on a broken machine, but MAAS's UI action refuses it unless commissioning passed.
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"broken-{u}", commission: true);
        await host.Admin.PostAsync($"machines/{id}/", "mark_broken", ("comment", "disk died"));
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Broken");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark fixed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark fixed" }).ClickAsync();

        await Expect(page.GetByTestId("action-error")).ToHaveTextAsync("Unable to be mark fixed because it has not been commissioned successfully.");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Broken");
        await page.ScreenshotAsync("machine-details-refused");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_change_made_through_the_API_shows_on_the_open_details_page_with_its_event()
    {
        string id = await host.Admin.CreateMachineAsync($"watch-{MachineListTests.Unique()}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");

        await host.Admin.PostAsync($"machines/{id}/", "commission");

        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("events")).ToContainTextAsync("Commissioning", new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }
}
