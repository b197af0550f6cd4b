using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Storage;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The machines list's bulk actions with their forms, and clone with the selection as destinations.</summary>
[Collection(UiTests.Name)]
public sealed class BulkFormTests(UiHost host)
{
    private async Task<IPage> SelectAsync(string search, int count)
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.OpenMachinesAsync();
        await page.GetByLabel("Search").FillAsync(search);
        await Expect(page.Locator("table.machines tbody tr[data-system-id]")).ToHaveCountAsync(count);
        await page.GetByLabel("Select all shown machines").CheckAsync();
        await Expect(page.GetByTestId("selected-count")).ToHaveTextAsync($"{count} selected");
        return page;
    }

    private static ILocator Options(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Action options" });

    private static async Task ApplyAsync(IPage page, int count) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Apply to {count}" }).ClickAsync();

    [Fact(Timeout = 90_000)]
    public async Task Clone_from_the_list_takes_the_selection_as_destinations_and_lists_each_refused_one()
    {
        string u = MachineListTests.Unique();
        string source = await host.Admin.CreateMachineAsync($"lsrc-{u}");
        string good = await host.Admin.CreateMachineAsync($"ldst-good-{u}");
        string small = await host.Admin.CreateMachineAsync($"ldst-small-{u}");
        await host.ReadyAsync(source, 8 * MachineSetup.Gb);
        await host.ReadyAsync(good, 16 * MachineSetup.Gb);
        await host.ReadyAsync(small, 4 * MachineSetup.Gb);
        IPage page = await SelectAsync($"ldst {u}", 2);

        await page.Locator("#bulk-action").SelectOptionAsync("clone");
        ILocator form = page.GetByTestId("clone-from-form");
        await form.GetByLabel("Network interfaces").UncheckAsync();
        await form.GetByLabel("Find a source").FillAsync($"lsrc {u}");
        await Expect(form.GetByTestId("clone-source-count")).ToHaveTextAsync("1 machine(s) match.");
        await Expect(form.GetByLabel("Source machine").Locator("option")).ToHaveCountAsync(2);
        await form.GetByLabel("Source machine").SelectOptionAsync(source);
        await form.GetByLabel("Find a source").FillAsync($"no-such-machine-{u}");
        await Expect(form.GetByTestId("clone-source-count")).ToHaveTextAsync("0 machine(s) match.");
        await Expect(form.GetByLabel("Source machine")).ToHaveValueAsync(source);
        await form.GetByRole(AriaRole.Button, new() { Name = "Clone to 2 machine(s)" }).ClickAsync();

        await Expect(page.GetByTestId("clone-results")).ToContainTextAsync($"1 of 2 machine(s) cloned successfully from lsrc-{u}.");
        ILocator errors = page.GetByTestId("clone-errors");
        await Expect(errors.Locator($"li[data-system-id=\"{small}\"]")).ToContainTextAsync("is smaller than source boot disk");
        await Expect(errors.Locator($"li[data-system-id=\"{good}\"]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("list-clone-results");
        await page.Context.CloseAsync();
        Assert.Contains(await host.Services.GetRequiredService<IMachineStore>().EventsAsync(good, TestContext.Current.CancellationToken),
            e => e.Description == $"Cloning from 'lsrc-{u}'.");
    }

    [Fact(Timeout = 90_000)]
    public async Task Bulk_deploy_sends_the_release_to_each_machine_and_lists_the_one_refused_for_its_storage()
    {
        string u = MachineListTests.Unique();
        string ok = await host.Admin.CreateMachineAsync($"bdep-a-{u}");
        string blank = await host.Admin.CreateMachineAsync($"bdep-b-{u}");
        foreach (string id in (string[])[ok, blank])
        {
            await host.ReadyAsync(id, 8 * MachineSetup.Gb);
            await host.DeployableAsync(id, "ubuntu/jammy");
        }

        Machine stored = await host.MachineAsync(blank);
        DefaultStorage.Apply(stored, "blank");
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(stored, TestContext.Current.CancellationToken);
        IPage page = await SelectAsync($"bdep {u}", 2);

        await page.Locator("#bulk-action").SelectOptionAsync("deploy");
        await Options(page).GetByLabel("Release").FillAsync("jammy");
        await page.ScreenshotAsync("list-bulk-deploy-form");
        await ApplyAsync(page, 2);

        ILocator results = page.GetByTestId("action-results");
        await Expect(results).ToContainTextAsync("Deploy: 1 of 2 machines done.");
        await Expect(results.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"bdep-b-{u}: storage: Mount the root '/' filesystem to be able to deploy this node.");
        await page.ExpectStatusAsync($"bdep-a-{u}", "Deploying");
        await page.ExpectStatusAsync($"bdep-b-{u}", "Ready");
        await page.Context.CloseAsync();
        Machine deployed = await host.MachineAsync(ok);
        Assert.Equal(("ubuntu", "jammy"), (deployed.Osystem, deployed.DistroSeries));
    }

    [Fact(Timeout = 120_000)]
    public async Task Bulk_set_zone_commission_with_options_and_release_with_erase_apply_to_every_selected_machine()
    {
        string u = MachineListTests.Unique();
        await host.Admin.PostAsync("zones/", null, ("name", $"bz-{u}"));
        string[] fresh = [await host.Admin.CreateMachineAsync($"bnew-a-{u}"), await host.Admin.CreateMachineAsync($"bnew-b-{u}")];
        string[] live = [await host.Admin.CreateMachineAsync($"blive-a-{u}", deployed: true), await host.Admin.CreateMachineAsync($"blive-b-{u}", deployed: true)];

        IPage page = await SelectAsync($"bnew {u}", 2);
        await page.Locator("#bulk-action").SelectOptionAsync("set-zone");
        await Options(page).GetByLabel("Zone").SelectOptionAsync($"bz-{u}");
        await ApplyAsync(page, 2);
        await Expect(page.GetByTestId("action-results")).ToContainTextAsync("2 of 2 machines done.");
        await page.Locator("#bulk-action").SelectOptionAsync("commission");
        await Options(page).GetByLabel("Skip configuring supported BMC").CheckAsync();
        await Options(page).GetByLabel("Testing scripts").FillAsync("none");
        await ApplyAsync(page, 2);
        await Expect(page.GetByTestId("action-results")).ToContainTextAsync("Commission: 2 of 2 machines done.");
        await page.ExpectStatusAsync($"bnew-a-{u}", "Commissioning");
        await page.Context.CloseAsync();

        IPage releasing = await SelectAsync($"blive {u}", 2);
        await releasing.Locator("#bulk-action").SelectOptionAsync("release");
        await Options(releasing).GetByLabel("Erase disks before releasing").CheckAsync();
        await Options(releasing).GetByLabel("Use quick erase").CheckAsync();
        await ApplyAsync(releasing, 2);
        await Expect(releasing.GetByTestId("action-results")).ToContainTextAsync("2 of 2 machines done.");
        await releasing.ExpectStatusAsync($"blive-b-{u}", "Disk erasing");
        await releasing.Context.CloseAsync();

        var results = host.Services.GetRequiredService<IScriptResultStore>();
        foreach (string id in fresh)
        {
            Machine machine = await host.MachineAsync(id);
            Assert.Equal(($"bz-{u}", MachineStatus.Commissioning), (machine.Zone, machine.Status));
            var sets = await results.SetsAsync(id, TestContext.Current.CancellationToken);
            Assert.Contains(sets, s => s.Kind == ScriptSetKind.Commissioning && s.Results.Any(r => r.Name == "30-maas-01-bmc-config" && r.Status == ScriptStatus.Skipped));
            Assert.Contains(sets, s => s.Kind == ScriptSetKind.Testing && s.Results.Count == 0);
        }

        foreach (string id in live)
        {
            Assert.Equal(MachineStatus.DiskErasing, (await host.MachineAsync(id)).Status);
        }
    }
}
