using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The events page: filter by machine and level, and events written through the API appearing live.</summary>
[Collection(UiTests.Name)]
public sealed class EventsPageTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Events_are_filtered_by_machine_and_level_and_new_ones_appear_without_reload()
    {
        string u = MachineListTests.Unique();
        string a = await host.Admin.CreateMachineAsync($"ev-a-{u}");
        string b = await host.Admin.CreateMachineAsync($"ev-b-{u}");
        await host.Admin.PostAsync($"machines/{b}/", "commission");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/events");
        await page.WaitForCircuitAsync();
        ILocator rows = page.GetByTestId("events").Locator("tbody tr");

        await page.GetByLabel("Machine").FillAsync($"ev-a-{u}");
        await page.GetByLabel("Level").SelectOptionAsync("AUDIT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(page.GetByTestId("event-count")).ToHaveTextAsync("No events match.");

        await host.Admin.PostAsync($"machines/{a}/", "commission");
        await Expect(rows.Filter(new() { HasText = "REQUEST_NODE_START_COMMISSIONING" })).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        foreach (string machine in await rows.Locator("td:nth-child(2)").AllInnerTextsAsync())
        {
            Assert.Equal($"ev-a-{u}", machine);
        }

        await page.GetByLabel("Level").SelectOptionAsync("INFO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = "REQUEST_NODE_START_COMMISSIONING" })).ToHaveCountAsync(0);
        await Expect(rows.First).ToContainTextAsync($"ev-a-{u}");
        Assert.DoesNotContain("AUDIT", await rows.Locator("td:nth-child(3)").AllInnerTextsAsync());

        await page.GetByLabel("Machine").FillAsync(b);
        await page.GetByLabel("Level").SelectOptionAsync("AUDIT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = "REQUEST_NODE_START_COMMISSIONING" })).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync($"ev-b-{u}");
        await page.ScreenshotAsync("events");
        await page.Context.CloseAsync();
    }
}
