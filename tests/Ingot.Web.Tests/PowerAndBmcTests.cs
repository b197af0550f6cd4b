using Ingot.Core.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class PowerAndBmcTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Machines_added_behind_one_BMC_share_its_settings_and_a_bad_row_keeps_the_APIs_message()
    {
        string u = MachineListTests.Unique();
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/machines/add-bmc");
        await page.WaitForCircuitAsync();

        await page.GetByLabel("BMC power type").SelectOptionAsync("redfish");
        await page.Locator("#b-power_address").FillAsync("127.0.0.1:9");
        await page.Locator("#b-power_user").FillAsync("root");
        await page.Locator("#b-power_pass").FillAsync("calvin");
        await page.GetByLabel("Commission after adding").UncheckAsync();
        await page.GetByLabel("Hostname 1").FillAsync($"bmc-a-{u}");
        await page.GetByLabel("MAC addresses 1").FillAsync("52:54:00:aa:01:01");
        await page.Locator("#b-1-node_id").FillAsync("System-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another machine" }).ClickAsync();
        await page.GetByLabel("Hostname 2").FillAsync($"bmc-b-{u}");
        await page.GetByLabel("MAC addresses 2").FillAsync("not-a-mac");
        await page.Locator("#b-2-node_id").FillAsync("System-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save machines" }).ClickAsync();

        await Expect(page.GetByTestId("bmc-machine-1").GetByRole(AriaRole.Status)).ToContainTextAsync("Added:");
        await Expect(page.GetByTestId("bmc-error-2")).ToContainTextAsync("not-a-mac");
        await page.ScreenshotAsync("add-from-bmc");
        await page.GetByLabel("MAC addresses 2").FillAsync("52:54:00:aa:01:02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save machines" }).ClickAsync();
        await Expect(page.GetByTestId("bmc-machine-2").GetByRole(AriaRole.Status)).ToContainTextAsync("Added:");

        IReadOnlyList<Machine> added = [.. (await host.Services.GetRequiredService<IMachineStore>().ListAsync(TestContext.Current.CancellationToken))
            .Where(m => m.Hostname.EndsWith(u, StringComparison.Ordinal)).OrderBy(m => m.Hostname, StringComparer.Ordinal)];
        Assert.Equal(2, added.Count);
        Assert.All(added, m => Assert.Equal(("redfish", "127.0.0.1:9", "root"), (m.PowerType, m.PowerParameters["power_address"], m.PowerParameters["power_user"])));
        Assert.Equal(["System-1", "System-2"], added.Select(m => m.PowerParameters["node_id"]));
        await page.Context.CloseAsync();

        IPage userPage = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await userPage.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await userPage.GotoAsync("MAAS/r/machines/add-bmc");
        await userPage.WaitForCircuitAsync();
        await Expect(userPage.GetByTestId("form-error")).ToHaveTextAsync("You do not have permission to add machines from a BMC.");
        await Expect(userPage.GetByLabel("BMC power type")).ToHaveCountAsync(0);
        await userPage.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_edits_the_power_configuration_and_a_missing_required_field_is_refused_with_the_APIs_text()
    {
        string id = await host.Admin.CreateMachineAsync($"pedit-{MachineListTests.Unique()}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator power = page.GetByTestId("power-configuration");
        await Expect(power.GetByTestId("power-type")).ToHaveTextAsync("manual");

        await power.GetByRole(AriaRole.Button, new() { Name = "Edit power configuration" }).ClickAsync();
        await power.GetByLabel("Power type").SelectOptionAsync("redfish");
        await power.Locator("#pc-power_user").FillAsync("root");
        await power.GetByRole(AriaRole.Button, new() { Name = "Save power configuration" }).ClickAsync();
        await Expect(power.GetByTestId("form-error")).ToContainTextAsync("power_parameters: power_address: This field is required.");
        Assert.Equal("manual", (await host.MachineAsync(id)).PowerType);

        await power.Locator("#pc-power_address").FillAsync("127.0.0.1:9");
        await power.Locator("#pc-power_pass").FillAsync("calvin");
        await power.GetByRole(AriaRole.Button, new() { Name = "Save power configuration" }).ClickAsync();
        await Expect(power.GetByTestId("power-type")).ToHaveTextAsync("redfish");
        await Expect(power).ToContainTextAsync("127.0.0.1:9");
        await Expect(power).Not.ToContainTextAsync("calvin");
        await page.ScreenshotAsync("power-configuration-edited");
        Machine machine = await host.MachineAsync(id);
        Assert.Equal(("redfish", "127.0.0.1:9", "calvin"), (machine.PowerType, machine.PowerParameters["power_address"], machine.PowerParameters["power_pass"]));
        await page.Context.CloseAsync();
    }
}
