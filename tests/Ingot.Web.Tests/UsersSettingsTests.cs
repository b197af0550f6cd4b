using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class UsersSettingsTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task An_admin_adds_and_deletes_a_user_and_cannot_delete_themselves()
    {
        string name = $"bob{MachineListTests.Unique()}";
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/users", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);

        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email").FillAsync($"{name}@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("bob-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToContainTextAsync("User");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {name}" }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {UiHost.AdminName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {UiHost.AdminName}" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("An administrator cannot self-delete.");
        await page.ScreenshotAsync("users");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_user_generates_and_deletes_an_api_key_and_sees_no_user_list()
    {
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/users", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);
        await Expect(page.GetByTestId("users")).ToHaveCountAsync(0);
        int before = await page.GetByTestId("api-key").CountAsync();

        await page.GetByLabel("Key name").FillAsync("laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate API key" }).ClickAsync();
        await Expect(page.GetByTestId("api-key")).ToHaveCountAsync(before + 1);
        await Expect(page.GetByTestId("api-keys")).ToContainTextAsync("laptop");
        string key = await page.Locator("tr", new() { HasText = "laptop" }).GetByTestId("api-key").InnerTextAsync();
        Assert.Matches("^[A-Za-z0-9]+:[A-Za-z0-9]+:[A-Za-z0-9]+$", key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete key laptop" }).ClickAsync();
        await Expect(page.GetByTestId("api-key")).ToHaveCountAsync(before);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_saves_a_setting_a_bad_value_is_refused_and_a_user_only_reads_them()
    {
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/configuration", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);

        await page.Locator("#setting-node_timeout").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save node_timeout" }).ClickAsync();
        await Expect(page.Locator("tr[data-name='node_timeout']").GetByTestId("field-error")).ToHaveTextAsync("Ensure this value is greater than or equal to 1.");

        await page.Locator("#setting-kernel_opts").FillAsync("console=ttyS1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save kernel_opts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("kernel_opts saved.");
        await page.ScreenshotAsync("settings");
        await page.Context.CloseAsync();

        IPage user = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/configuration", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);
        await Expect(user.Locator("tr[data-name='kernel_opts']")).ToContainTextAsync("console=ttyS1");
        await Expect(user.GetByRole(AriaRole.Button, new() { Name = "Save kernel_opts" })).ToHaveCountAsync(0);
        await user.Context.CloseAsync();
    }
}
