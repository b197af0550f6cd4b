using Ingot.Core.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class ConfigurationFormTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Storage_layout_and_a_static_link_are_set_from_the_details_page_and_a_layout_on_a_new_machine_is_refused()
    {
        string u = MachineListTests.Unique();
        string fresh = await host.Admin.CreateMachineAsync($"cfnew-{u}");
        string id = await host.Admin.CreateMachineAsync($"cfready-{u}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        await host.Admin.PostAsync("subnets/", null, ("cidr", "10.214.9.0/24"));
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);

        await page.GotoAsync($"MAAS/r/machine/{fresh}");
        await page.WaitForCircuitAsync();
        ILocator forms = page.GetByTestId("configuration-forms");
        await forms.GetByLabel("Storage layout", new() { Exact = true }).SelectOptionAsync("lvm");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Apply layout" }).ClickAsync();
        await Expect(page.GetByTestId("config-error")).ToHaveTextAsync("Cannot change the storage layout on a machine that is not Ready.");

        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await forms.GetByLabel("Storage layout", new() { Exact = true }).SelectOptionAsync("flat");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Apply layout" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Storage layout flat applied.");
        Assert.NotEmpty((await host.MachineAsync(id)).BlockDevices[0].Partitions);

        await forms.GetByLabel("Link mode").SelectOptionAsync("static");
        await forms.GetByLabel("Subnet").SelectOptionAsync("10.214.9.0/24");
        await forms.GetByLabel("IP address (static)").FillAsync("10.214.9.50");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Link interface" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interface linked.");
        await Expect(page.GetByTestId("interfaces")).ToContainTextAsync("static 10.214.9.50");
        await page.ScreenshotAsync("machine-configuration-forms");
        Machine machine = await host.MachineAsync(id);
        Assert.Contains(machine.Interfaces[0].Links, l => l.IpAddress == "10.214.9.50");
        await page.Context.CloseAsync();
    }
}
