using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class AddMachineTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task An_admin_adds_a_live_machine_as_deployed_with_ipmi_parameters_and_lands_on_its_page()
    {
        string name = $"live-{MachineListTests.Unique()}";
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/machines/add", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);

        await page.GetByLabel("Hostname (optional)").FillAsync(name);
        await page.GetByLabel("MAC addresses").FillAsync("52:54:03:aa:bb:01");
        await page.GetByLabel("Power type").SelectOptionAsync("ipmi");
        await page.Locator("#p-power_address").FillAsync("127.0.0.1");
        await page.Locator("#p-power_user").FillAsync("admin");
        await page.Locator("#p-power_pass").FillAsync("secret");
        await page.GetByLabel("Already deployed").CheckAsync();
        await page.ScreenshotAsync("add-machine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save machine" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{name}.maas");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Deployed");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync(UiHost.AdminName);
        await Expect(page.GetByTestId("power-configuration")).ToContainTextAsync("127.0.0.1");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_bad_mac_is_refused_with_the_apis_message_and_adds_nothing_and_a_user_gets_no_admin_fields()
    {
        string name = $"badmac-{MachineListTests.Unique()}";
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/machines/add", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);
        await Expect(page.GetByLabel("Zone")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Already deployed")).ToHaveCountAsync(0);

        await page.GetByLabel("Hostname (optional)").FillAsync(name);
        await page.GetByLabel("MAC addresses").FillAsync("not-a-mac");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save machine" }).ClickAsync();

        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("mac_addresses: ");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/MAAS/r/machines/add$"));
        await page.GotoAsync("MAAS/r/machines");
        await page.WaitForCircuitAsync();
        await Expect(page.Row(name)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
