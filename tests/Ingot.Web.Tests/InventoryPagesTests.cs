using Ingot.Core.BootResources;
using Ingot.Core.Networks;
using Ingot.Core.Scripts;
using Ingot.Core.Users;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class InventoryPagesTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Details_show_the_commissioning_results_and_a_scripts_output_on_demand()
    {
        string id = await host.Admin.CreateMachineAsync($"results-{MachineListTests.Unique()}");
        var store = host.Services.GetRequiredService<IScriptResultStore>();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await store.AddSetAsync(new ScriptSet
        {
            SystemId = id,
            Kind = Core.Machines.Signals.ScriptSetKind.Commissioning,
            Run = 1,
            Created = now,
            Results =
            [
                new ScriptResult { Name = "00-maas-01-cpuinfo", Status = ScriptStatus.Passed, ExitStatus = 0, Output = "8 cores found"u8.ToArray(), Created = now, Updated = now },
                new ScriptResult { Name = "50-maas-01-commissioning", Status = ScriptStatus.Failed, ExitStatus = 2, Stderr = "lshw crashed"u8.ToArray(), Created = now, Updated = now },
            ],
        }, TestContext.Current.CancellationToken);
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, $"MAAS/r/machine/{id}", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);

        ILocator results = page.GetByTestId("results-commissioning");
        await Expect(results.Locator("tr[data-name='50-maas-01-commissioning']")).ToContainTextAsync("Failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Output of 50-maas-01-commissioning" }).ClickAsync();
        await Expect(page.GetByTestId("script-output")).ToHaveTextAsync("lshw crashed");
        await page.ScreenshotAsync("machine-results");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task The_subnets_page_lists_fabrics_vlans_with_dhcp_and_subnets_with_their_ranges()
    {
        var networks = host.Services.GetRequiredService<NetworkOperations>();
        Actor admin = Actor.User(UiHost.AdminName, isAdmin: true);
        string cidr = $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(0, 250)}.0/24";
        Subnet subnet = await networks.CreateSubnetAsync(admin, new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [cidr] }), TestContext.Current.CancellationToken);
        Assert.Equal(cidr, subnet.Cidr);
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/networks", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);

        await Expect(page.Locator($"tr[data-cidr='{cidr}']")).ToContainTextAsync("No DHCP");
        await Expect(page.GetByTestId("networks")).ToContainTextAsync("fabric-0");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Configure DHCP on {cidr}" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_enables_dhcp_on_a_vlan_only_with_a_dynamic_range_and_disables_it_again()
    {
        var networks = host.Services.GetRequiredService<NetworkOperations>();
        Actor admin = Actor.User(UiHost.AdminName, isAdmin: true);
        Fabric fabric = await networks.CreateFabricAsync(admin, new NetworkForm(new Dictionary<string, IReadOnlyList<string>>()), TestContext.Current.CancellationToken);
        string prefix = $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(0, 250)}";
        string cidr = prefix + ".0/24";
        await networks.CreateSubnetAsync(admin, new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [cidr], ["fabric"] = [fabric.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] }), TestContext.Current.CancellationToken);
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/networks", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);
        ILocator row = page.Locator($"tr[data-cidr='{cidr}']");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Configure DHCP on {cidr}" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("dhcp_on: ");
        await Expect(row).ToContainTextAsync("No DHCP");

        await page.GetByLabel("Dynamic range start").FillAsync(prefix + ".100");
        await page.GetByLabel("Dynamic range end").FillAsync(prefix + ".150");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("DHCP enabled.");
        await Expect(row).ToContainTextAsync("Ingot-provided");
        await Expect(row).ToContainTextAsync($"dynamic {prefix}.100–{prefix}.150");
        await page.ScreenshotAsync("subnets");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Disable DHCP on {cidr}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("No DHCP");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_import_from_an_unreachable_source_shows_its_errors_and_a_user_cannot_start_one()
    {
        var sources = host.Services.GetRequiredService<BootSourceOperations>();
        Actor admin = Actor.User(UiHost.AdminName, isAdmin: true);
        await sources.EnsureDefaultAsync(TestContext.Current.CancellationToken);
        foreach (BootSource source in await sources.ListAsync(TestContext.Current.CancellationToken))
        {
            await sources.UpdateAsync(admin, source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new BootSourceForm.Fields("http://127.0.0.1:9/streams/v1/", null, null, null, true), TestContext.Current.CancellationToken);
        }

        IPage user = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/images", UiHost.UserName, UiHost.UserPassword, TestContext.Current.CancellationToken);
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Import" })).ToBeVisibleAsync();
        await Expect(user.GetByRole(AriaRole.Button, new() { Name = "Import images" })).ToHaveCountAsync(0);
        await user.Context.CloseAsync();

        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/images", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import images" }).ClickAsync();
        await Expect(page.GetByTestId("import-state")).ToHaveTextAsync("The last import failed.", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-errors")).ToBeVisibleAsync();
        await page.ScreenshotAsync("images");
        await page.Context.CloseAsync();
    }
}
