using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>Pages other than machines follow changes made through the API without a reload (the inventory change feed).</summary>
[Collection(UiTests.Name)]
public sealed class LiveInventoryTests(UiHost host)
{
    private async Task<IPage> OpenAsync(string path, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact(Timeout = 90_000)]
    public async Task Zones_tags_and_subnets_created_through_the_API_appear_on_the_open_pages()
    {
        string u = MachineListTests.Unique();
        IPage zones = await OpenAsync("MAAS/r/zones", TestContext.Current.CancellationToken);
        await Expect(zones.Locator("tr[data-name='default']")).ToBeVisibleAsync();
        await host.Admin.PostAsync("zones/", null, ("name", $"live-{u}"), ("description", "made by the API"));
        await Expect(zones.Locator($"tr[data-name='live-{u}']")).ToContainTextAsync("made by the API", new() { Timeout = 5_000 });
        await zones.ScreenshotAsync("zones-live");

        IPage tags = await OpenAsync("MAAS/r/tags", TestContext.Current.CancellationToken);
        await Expect(tags.GetByTestId("tags")).Not.ToContainTextAsync($"live-tag-{u}");
        await host.Admin.PostAsync("tags/", null, ("name", $"live-tag-{u}"), ("comment", "from the API"));
        await Expect(tags.GetByTestId("tags")).ToContainTextAsync($"live-tag-{u}", new() { Timeout = 5_000 });

        IPage subnets = await OpenAsync("MAAS/r/networks", TestContext.Current.CancellationToken);
        await host.Admin.PostAsync("subnets/", null, ("cidr", "10.213.7.0/24"), ("name", $"live-net-{u}"));
        await Expect(subnets.Locator("main")).ToContainTextAsync("10.213.7.0/24", new() { Timeout = 5_000 });

        // The zones page is still following after the other pages changed.
        await host.Admin.PostAsync("zones/", null, ("name", $"live2-{u}"));
        await Expect(zones.Locator($"tr[data-name='live2-{u}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await zones.Context.CloseAsync();
        await tags.Context.CloseAsync();
        await subnets.Context.CloseAsync();
    }
}
