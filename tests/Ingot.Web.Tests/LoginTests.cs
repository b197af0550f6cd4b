using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class LoginTests(UiHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task A_wrong_password_shows_the_login_error_and_no_session()
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);

        await page.LogInAsync(UiHost.AdminName, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Please enter a correct username and password. Note that both fields may be case-sensitive.");
        Assert.EndsWith("/MAAS/r/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "ingot_session");
        await page.ScreenshotAsync("login-bad-password");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_right_password_opens_the_machines_list_and_logout_ends_the_session()
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);

        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Machines" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("username")).ToHaveTextAsync(UiHost.UserName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Ingot" })).ToBeVisibleAsync();
        await page.GotoAsync("MAAS/r/machines");
        Assert.EndsWith("/MAAS/r/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_root_redirects_to_the_UI_and_the_UI_asks_for_a_login()
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);

        await page.GotoAsync("/");

        var url = new Uri(page.Url);
        Assert.Equal("/MAAS/r/login", url.AbsolutePath);
        Assert.Contains("next=%2FMAAS%2Fr%2F", url.Query, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
