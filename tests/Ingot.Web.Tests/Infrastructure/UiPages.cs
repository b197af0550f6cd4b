using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests.Infrastructure;

/// <summary>Steps the tests share: logging in through the form, opening pages once the circuit is live, screenshots.</summary>
public static class UiPages
{
    public static async Task LogInAsync(this IPage page, string username, string password)
    {
        await page.GotoAsync("MAAS/r/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>Opens the machines list and waits until the interactive circuit has taken over (the search box answers).</summary>
    public static async Task OpenMachinesAsync(this IPage page)
    {
        await page.GotoAsync("MAAS/r/machines");
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Blazor prerenders the page, then the circuit attaches; input typed before that is lost. The
    /// script sets <c>Blazor</c> on window; a circuit is up when its reconnect handler exists.
    /// </summary>
    public static async Task WaitForCircuitAsync(this IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => window.Blazor && document.querySelector('[data-interactive]') !== null",
            null,
            new() { Timeout = 15_000 });
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(UiHost.ScreenshotDirectory, name + ".png"), FullPage = false });
    }

    public static ILocator Row(this IPage page, string hostname) =>
        page.Locator("table.machines tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = hostname + ".maas" }) });

    public static Task ExpectStatusAsync(this IPage page, string hostname, string status) =>
        Expect(page.Row(hostname).Locator("[data-testid=status]")).ToHaveTextAsync(status);
}
