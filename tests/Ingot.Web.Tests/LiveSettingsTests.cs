using Ingot.Core.Config;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The settings page: refusals beside their field, and values set through the API shown without reload.</summary>
[Collection(UiTests.Name)]
public sealed class LiveSettingsTests(UiHost host)
{
    /// <summary><c>set_config</c> answers plain "OK", not JSON.</summary>
    private async Task SetConfigAsync(string name, string value)
    {
        (int status, string body) = await host.Admin.TryPostAsync("maas/", "set_config", ("name", name), ("value", value));
        Assert.True(status == 200, $"set_config {name}: {status} {body}");
    }

    [Fact(Timeout = 90_000)]
    public async Task A_refused_value_is_shown_beside_its_field_and_changes_nothing()
    {
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/configuration", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);
        string before = await host.Services.GetRequiredService<IConfigStore>().GetAsync(ConfigSettings.DefaultMinHweKernel, TestContext.Current.CancellationToken) ?? "";

        ILocator field = page.Locator("#setting-default_min_hwe_kernel");
        await field.FillAsync("linux-6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save default_min_hwe_kernel" }).ClickAsync();
        ILocator error = page.Locator("#setting-default_min_hwe_kernel-error");
        await Expect(error).ToHaveTextAsync("min_hwe_kernel must start with \"hwe-\" or \"ga-\"");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", "setting-default_min_hwe_kernel-error");
        await Expect(page.Locator("tr[data-name='node_timeout']").GetByTestId("field-error")).ToHaveCountAsync(0);
        Assert.Equal(before, await host.Services.GetRequiredService<IConfigStore>().GetAsync(ConfigSettings.DefaultMinHweKernel, TestContext.Current.CancellationToken) ?? "");

        await field.FillAsync("hwe-24.04");
        await field.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("default_min_hwe_kernel saved.");
        await Expect(error).ToHaveCountAsync(0);
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync("settings-field-error");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_setting_changed_through_the_api_shows_on_open_pages_without_reload()
    {
        string u = MachineListTests.Unique();
        IPage admin = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/configuration", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);
        IPage user = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/configuration", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);

        await SetConfigAsync("maas_name", $"region-{u}");
        await Expect(admin.Locator("#setting-maas_name")).ToHaveValueAsync($"region-{u}", new() { Timeout = 5_000 });
        await Expect(user.Locator("#setting-maas_name")).ToHaveTextAsync($"region-{u}", new() { Timeout = 5_000 });

        await SetConfigAsync("enable_disk_erasing_on_release", "true");
        await Expect(admin.Locator("#setting-enable_disk_erasing_on_release")).ToBeCheckedAsync(new() { Timeout = 5_000 });
        await SetConfigAsync("enable_disk_erasing_on_release", "false");
        await Expect(admin.Locator("#setting-enable_disk_erasing_on_release")).Not.ToBeCheckedAsync(new() { Timeout = 5_000 });
        await admin.ScreenshotAsync("settings-live");
        await admin.Context.CloseAsync();
        await user.Context.CloseAsync();
    }
}
