using System.Text.RegularExpressions;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The events page's zone, owner, level, type and text filters, kept in the address so that a filtered view can be linked.</summary>
[Collection(UiTests.Name)]
public sealed class EventFilterTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Zone_owner_and_text_filters_narrow_the_events_and_a_copied_address_opens_the_same_view()
    {
        string u = MachineListTests.Unique();
        await host.Admin.PostAsync("zones/", null, ("name", $"evz-{u}"));
        string a = await host.Admin.CreateMachineAsync($"evf-a-{u}", zone: $"evz-{u}");
        string b = await host.Admin.CreateMachineAsync($"evf-b-{u}");
        await host.Admin.PostAsync($"machines/{a}/", "commission");
        await host.Admin.PostAsync($"machines/{b}/", "commission");

        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/events");
        await page.WaitForCircuitAsync();
        ILocator rows = page.GetByTestId("events").Locator("tbody tr");
        ILocator machines = rows.Locator("td:nth-child(2)");

        await page.GetByLabel("Zone").SelectOptionAsync($"evz-{u}");
        await page.GetByLabel("Level").SelectOptionAsync("DEBUG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"events\\?(?=.*zone=evz-{u})(?=.*level=DEBUG)"));
        await Expect(rows.First).ToContainTextAsync($"evf-a-{u}");
        Assert.All(await machines.AllInnerTextsAsync(), m => Assert.Equal($"evf-a-{u}", m));

        await page.GetByLabel("Zone").SelectOptionAsync("");
        await page.GetByLabel("Search").FillAsync($"COMMISSIONING evf-b-{u}");
        await page.GetByLabel("Search").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"events\\?(?!.*zone=)(?=.*q=COMMISSIONING)(?=.*evf-b-{u})"));
        await Expect(rows.First).ToContainTextAsync($"evf-b-{u}");
        Assert.All(await machines.AllInnerTextsAsync(), m => Assert.Equal($"evf-b-{u}", m));
        Assert.All(await rows.AllInnerTextsAsync(), r => Assert.Contains("commissioning", r, StringComparison.OrdinalIgnoreCase));
        string linked = page.Url;

        await page.GetByLabel("Search").FillAsync($"evf-a-{u}");
        await page.GetByLabel("Level").SelectOptionAsync("AUDIT");
        await page.GetByLabel("Owner").FillAsync(UiHost.UserName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(page.GetByTestId("event-count")).ToHaveTextAsync("No events match.");
        await page.GetByLabel("Owner").FillAsync(UiHost.AdminName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"evf-a-{u}");
        Assert.All(await rows.Locator("td:nth-child(6)").AllInnerTextsAsync(), user => Assert.Equal(UiHost.AdminName, user));
        await page.ScreenshotAsync("events-filtered");

        IPage opened = await page.Context.NewPageAsync();
        await opened.GotoAsync(linked);
        ILocator openedRows = opened.GetByTestId("events").Locator("tbody tr");
        await Expect(openedRows.First).ToContainTextAsync($"evf-b-{u}");
        Assert.All(await openedRows.Locator("td:nth-child(2)").AllInnerTextsAsync(), m => Assert.Equal($"evf-b-{u}", m));
        await Expect(opened.GetByLabel("Search")).ToHaveValueAsync($"COMMISSIONING evf-b-{u}");
        await Expect(opened.GetByLabel("Level")).ToHaveValueAsync("DEBUG");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task The_type_filter_keeps_only_events_of_that_type_and_stands_in_the_address()
    {
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"evt-{u}");
        await host.Admin.PostAsync($"machines/{id}/", "commission");

        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/events");
        await page.WaitForCircuitAsync();
        ILocator rows = page.GetByTestId("events").Locator("tbody tr");
        ILocator types = rows.Locator("td:nth-child(4)");

        await page.GetByLabel("Machine").FillAsync($"evt-{u}");
        await page.GetByLabel("Level").SelectOptionAsync("AUDIT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(types.Filter(new() { HasText = "REQUEST_NODE_START_COMMISSIONING" })).ToHaveCountAsync(1);

        await page.GetByLabel("Event type").SelectOptionAsync("NODE_CHANGED_STATUS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("events\\?(?=.*type=NODE_CHANGED_STATUS)(?=.*level=AUDIT)"));
        await Expect(page.GetByTestId("event-count")).ToHaveTextAsync("No events match.");

        await page.GetByLabel("Level").SelectOptionAsync("DEBUG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(types.First).ToHaveTextAsync("NODE_CHANGED_STATUS");
        Assert.All(await types.AllInnerTextsAsync(), t => Assert.Equal("NODE_CHANGED_STATUS", t));

        await page.GetByLabel("Event type").SelectOptionAsync("REQUEST_NODE_START_COMMISSIONING");
        await page.GetByLabel("Level").SelectOptionAsync("AUDIT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("events\\?(?=.*type=REQUEST_NODE_START_COMMISSIONING)"));
        await Expect(types).ToHaveTextAsync(["REQUEST_NODE_START_COMMISSIONING"]);
        await page.ScreenshotAsync("events-type-filter");
        await page.Context.CloseAsync();
    }
}
