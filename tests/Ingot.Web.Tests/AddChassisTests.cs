using Ingot.Core.Machines;
using Ingot.Sim.Redfish;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// "Add chassis" on the add-from-a-BMC page (admins): the simulator's virtual Redfish BMC on loopback is probed and
/// its systems (with the prefix filter) are added with redfish power and their node_id; a missing field is refused
/// with the API's text and adds nothing; a non-admin gets no form.
/// </summary>
[Collection(UiTests.Name)]
public sealed class AddChassisTests(UiHost host)
{
    private async Task<List<Machine>> OnChassisAsync(string address) =>
        [.. (await host.Services.GetRequiredService<IMachineStore>().ListAsync(TestContext.Current.CancellationToken))
            .Where(m => m.PowerType == "redfish" && m.PowerParameters.GetValueOrDefault("power_address") == address)];

    [Fact(Timeout = 90_000)]
    public async Task An_admin_adds_the_filtered_systems_of_a_redfish_chassis_after_a_refused_empty_form()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string u = MachineListTests.Unique();
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(
            new VirtualRedfishOptions { SystemIds = [$"rack-{u}-1", $"rack-{u}-2", $"spare-{u}"] }, ct);
        string address = bmc.BaseAddress.ToString();
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/machines/add-bmc");
        await page.WaitForCircuitAsync();
        ILocator chassis = page.GetByTestId("add-chassis");

        await chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" }).ClickAsync();
        await Expect(chassis.GetByTestId("chassis-error")).ToHaveTextAsync("No provided hostname!");

        await chassis.GetByLabel("Chassis address").FillAsync(address);
        await chassis.GetByLabel("Chassis username").FillAsync("admin");
        await chassis.GetByLabel("Chassis password").FillAsync("password");
        await chassis.GetByLabel("Only systems whose id starts with").FillAsync("rack-");
        await chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" }).ClickAsync();
        await Expect(chassis.GetByTestId("chassis-done")).ToContainTextAsync($"Added 2 machine(s) from chassis {address}");
        await page.ScreenshotAsync("add-chassis");

        await chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" }).ClickAsync();
        await Expect(chassis.GetByTestId("chassis-done")).ToHaveTextAsync($"No new machine on chassis {address}.");
        await page.Context.CloseAsync();

        List<Machine> added = await OnChassisAsync(address);
        Assert.Equal([$"rack-{u}-1", $"rack-{u}-2"], added.Select(m => m.PowerParameters["node_id"]).Order());
        Assert.All(added, m => Assert.Equal((MachineStatus.New, "admin"), (m.Status, m.PowerParameters["power_user"])));
    }

    [Fact(Timeout = 90_000)]
    public async Task A_slow_chassis_runs_in_the_background_with_its_progress_and_a_failing_one_shows_its_error()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string u = MachineListTests.Unique();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(
            new VirtualRedfishOptions { SystemIds = [$"slow-{u}-1", $"slow-{u}-2"], Answering = answer.Task }, ct);
        string address = bmc.BaseAddress.ToString();
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync("MAAS/r/machines/add-bmc");
        await page.WaitForCircuitAsync();
        ILocator chassis = page.GetByTestId("add-chassis");

        await chassis.GetByLabel("Chassis address").FillAsync(address);
        await chassis.GetByLabel("Chassis username").FillAsync("admin");
        await chassis.GetByLabel("Chassis password").FillAsync("password");
        await chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" }).ClickAsync();
        await Expect(chassis.GetByTestId("chassis-progress")).ToHaveTextAsync($"Probing chassis {address}…");
        await page.ScreenshotAsync("add-chassis-running");

        // The page answers while the BMC does not: the circuit takes input and the form is enabled.
        await chassis.GetByLabel("Only systems whose id starts with").FillAsync("typed-while-waiting");
        await Expect(chassis.GetByLabel("Only systems whose id starts with")).ToHaveValueAsync("typed-while-waiting");
        await Expect(chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" })).ToBeEnabledAsync();
        Assert.Empty(await OnChassisAsync(address));

        answer.SetResult();
        await Expect(chassis.GetByTestId("chassis-done")).ToContainTextAsync($"Added 2 machine(s) from chassis {address}");
        Assert.Equal([$"slow-{u}-1", $"slow-{u}-2"], (await OnChassisAsync(address)).Select(m => m.PowerParameters["node_id"]).Order());

        await chassis.GetByLabel("Only systems whose id starts with").FillAsync("");
        await chassis.GetByLabel("Chassis password").FillAsync("wrong-password");
        await chassis.GetByRole(AriaRole.Button, new() { Name = "Add chassis" }).ClickAsync();
        await Expect(chassis.GetByTestId("chassis-error")).ToContainTextAsync($"Unable to add machines from chassis {address}: ");
        await page.Context.CloseAsync();
        Assert.Equal(2, (await OnChassisAsync(address)).Count);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_non_admin_gets_no_add_chassis_form()
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await page.GotoAsync("MAAS/r/machines/add-bmc");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("You do not have permission to add machines from a BMC.");
        await Expect(page.GetByTestId("add-chassis")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
