using System.Text;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class ActionFormTests(UiHost host)
{

    private async Task<IPage> OpenAsync(string systemId, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{systemId}");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task ChooseAsync(IPage page, string action) =>
        await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();

    private static async Task ConfirmAsync(IPage page, string action) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, " + action, Exact = true }).ClickAsync();

    private async Task<IReadOnlyList<Core.Events.MachineEvent>> EventsAsync(string systemId) =>
        await host.Services.GetRequiredService<IMachineStore>().EventsAsync(systemId, TestContext.Current.CancellationToken);

    [Fact(Timeout = 90_000)]
    public async Task Deploy_form_sends_release_kernel_user_data_and_refuses_a_diskless_machine_with_MAAS_text()
    {
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"dform-{u}");
        string diskless = await host.Admin.CreateMachineAsync($"dnodisk-{u}");
        await host.ReadyAsync(id, 8 * MachineSetup.Gb);
        await host.ReadyAsync(diskless, 0);
        await host.DeployableAsync(id, "ubuntu/jammy");
        await host.DeployableAsync(diskless, "ubuntu/noble");

        IPage page = await OpenAsync(id, TestContext.Current.CancellationToken);
        await ChooseAsync(page, "Deploy");
        ILocator form = page.GetByTestId("deploy-form");
        await form.GetByLabel("Release").FillAsync("jammy");
        await form.GetByLabel("Kernel").FillAsync("ga-22.04");
        await form.GetByLabel("Cloud-init user data").FillAsync("#cloud-config\nhostname: x\n");
        await Expect(form.GetByLabel("Install KVM")).ToBeDisabledAsync();
        await page.ScreenshotAsync("action-deploy-form");
        await ConfirmAsync(page, "deploy");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Deploying");
        Machine deployed = await host.MachineAsync(id);
        Assert.Equal(("ubuntu", "jammy", "ga-22.04"), (deployed.Osystem, deployed.DistroSeries, deployed.HweKernel));
        Assert.Equal("#cloud-config\nhostname: x\n", Encoding.UTF8.GetString(Convert.FromBase64String(deployed.UserData)));
        Assert.False(deployed.EphemeralDeploy);
        await page.Context.CloseAsync();

        IPage refused = await OpenAsync(diskless, TestContext.Current.CancellationToken);
        await ChooseAsync(refused, "Deploy");
        await ConfirmAsync(refused, "deploy");
        await Expect(refused.GetByTestId("action-error")).ToHaveTextAsync("Can\u2019t deploy to disk in a diskless machine. Deploy to memory must be used instead.");
        await Expect(refused.GetByTestId("machine-status")).ToHaveTextAsync("Ready");
        await ChooseAsync(refused, "Deploy");
        await refused.GetByTestId("deploy-form").GetByLabel("Deploy in memory").CheckAsync();
        await ConfirmAsync(refused, "deploy");
        await Expect(refused.GetByTestId("machine-status")).ToHaveTextAsync("Deploying");
        Assert.True((await host.MachineAsync(diskless)).EphemeralDeploy);
        await refused.Context.CloseAsync();
    }

    /// <summary>
    /// MAAS's deploy network check from the UI: a machine whose interfaces have no link to a subnet is refused with
    /// MAAS's text (the field error <c>network</c>), and stays READY, unowned, with no new event.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task Deploy_refuses_a_machine_with_no_network_with_MAAS_text_and_changes_nothing()
    {
        string id = await host.Admin.CreateMachineAsync($"dnonet-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 8 * MachineSetup.Gb);
        await host.DeployableAsync(id, "ubuntu/noble");
        Machine machine = await host.MachineAsync(id);
        foreach (Core.Hardware.NetworkInterface nic in machine.Interfaces)
        {
            nic.Links.Clear();
        }

        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, TestContext.Current.CancellationToken);
        int events = (await EventsAsync(id)).Count;

        IPage page = await OpenAsync(id, TestContext.Current.CancellationToken);
        await ChooseAsync(page, "Deploy");
        await ConfirmAsync(page, "deploy");
        await Expect(page.GetByTestId("action-error")).ToHaveTextAsync("network: Node must be configured to use a network");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Ready");
        await page.Context.CloseAsync();

        Machine after = await host.MachineAsync(id);
        Assert.Equal((MachineStatus.Ready, null), (after.Status, after.Owner));
        Assert.Equal(events, (await EventsAsync(id)).Count);
    }

    [Fact(Timeout = 90_000)]
    public async Task Lock_power_off_and_release_forms_carry_their_comment_stop_mode_and_erase_options()
    {
        string id = await host.Admin.CreateMachineAsync($"rform-{MachineListTests.Unique()}", deployed: true);
        Machine machine = await host.MachineAsync(id);
        machine.PowerState = PowerState.On;
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, TestContext.Current.CancellationToken);
        IPage page = await OpenAsync(id, TestContext.Current.CancellationToken);

        await ChooseAsync(page, "Lock");
        await page.GetByRole(AriaRole.Group, new() { Name = "Confirm action" }).GetByLabel("Comment").FillAsync("change freeze");
        await ConfirmAsync(page, "lock");
        await Expect(page.Locator(".status-line")).ToContainTextAsync("Locked");
        Assert.Contains(await EventsAsync(id), e => e.Description == "change freeze");
        await ChooseAsync(page, "Unlock");
        await page.GetByRole(AriaRole.Group, new() { Name = "Confirm action" }).GetByLabel("Comment").FillAsync("freeze over");
        await ConfirmAsync(page, "unlock");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true })).ToBeVisibleAsync();
        Assert.Contains(await EventsAsync(id), e => e.Description == "freeze over");

        await ChooseAsync(page, "Power off");
        await page.GetByTestId("power-off-form").GetByLabel("Stop mode").SelectOptionAsync("Soft");
        await page.GetByTestId("power-off-form").GetByLabel("Comment").FillAsync("quiet please");
        await ConfirmAsync(page, "power off");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Power off: done.");
        Assert.Contains(await EventsAsync(id), e => e.Description == "quiet please");

        await ChooseAsync(page, "Release");
        ILocator release = page.GetByTestId("release-form");
        await Expect(release.GetByLabel("Use secure erase")).ToBeDisabledAsync();
        await release.GetByLabel("Erase disks before releasing").CheckAsync();
        await release.GetByLabel("Use secure erase").CheckAsync();
        await page.ScreenshotAsync("action-release-form");
        await ConfirmAsync(page, "release");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Disk erasing");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Zone_pool_tag_commission_and_mark_broken_forms_change_the_machine_and_an_unknown_tag_is_refused()
    {
        string u = MachineListTests.Unique();
        await host.Admin.PostAsync("zones/", null, ("name", $"z-{u}"));
        await host.Admin.PostAsync("resourcepools/", null, ("name", $"p-{u}"));
        await host.Admin.PostAsync("tags/", null, ("name", $"t-{u}"));
        string id = await host.Admin.CreateMachineAsync($"zform-{u}");
        IPage page = await OpenAsync(id, TestContext.Current.CancellationToken);
        ILocator confirm = page.GetByRole(AriaRole.Group, new() { Name = "Confirm action" });

        await ChooseAsync(page, "Set zone");
        await confirm.GetByLabel("Zone").SelectOptionAsync($"z-{u}");
        await ConfirmAsync(page, "set zone");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync($"z-{u}");
        await ChooseAsync(page, "Set resource pool");
        await confirm.GetByLabel("Resource pool").SelectOptionAsync($"p-{u}");
        await ConfirmAsync(page, "set resource pool");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync($"p-{u}");

        await ChooseAsync(page, "Tag");
        await confirm.GetByLabel("Tag").FillAsync($"nosuch-{u}");
        await ConfirmAsync(page, "tag");
        await Expect(page.GetByTestId("action-error")).ToHaveTextAsync("No Tag matches the given query.");
        await ChooseAsync(page, "Tag");
        await confirm.GetByLabel("Tag").FillAsync($"t-{u}");
        await ConfirmAsync(page, "tag");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync($"t-{u}");
        await ChooseAsync(page, "Untag");
        await confirm.GetByLabel("Tag").SelectOptionAsync($"t-{u}");
        await ConfirmAsync(page, "untag");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).Not.ToContainTextAsync($"t-{u}");
        Machine placed = await host.MachineAsync(id);
        Assert.Equal(($"z-{u}", $"p-{u}"), (placed.Zone, placed.Pool));
        Assert.DoesNotContain($"nosuch-{u}", placed.Tags);

        await ChooseAsync(page, "Commission");
        ILocator commission = page.GetByTestId("commission-form");
        await commission.GetByLabel("Retain network configuration").CheckAsync();
        await commission.GetByLabel("Testing scripts").FillAsync("none");
        await ConfirmAsync(page, "commission");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning");
        var results = host.Services.GetRequiredService<Core.Scripts.IScriptResultStore>();
        var sets = await results.SetsAsync(id, TestContext.Current.CancellationToken);
        Assert.Contains(sets, s => s.Kind == Core.Machines.Signals.ScriptSetKind.Commissioning && s.Results.Count > 0);
        Assert.Contains(sets, s => s.Kind == Core.Machines.Signals.ScriptSetKind.Testing && s.Results.Count == 0);

        await ChooseAsync(page, "Mark broken");
        await confirm.GetByLabel("Comment").FillAsync("fan noise");
        await ConfirmAsync(page, "mark broken");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Broken");
        Assert.Contains(await EventsAsync(id), e => e.Description.Contains("fan noise", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
