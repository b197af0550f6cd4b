using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Web.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class MachineDetailsTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Details_show_summary_hardware_interfaces_events_and_power_configuration_to_an_admin_only()
    {
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"detail-{u}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);

        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"detail-{u}.maas");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync(id);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Hardware" })).ToContainTextAsync("cores");
        await Expect(page.GetByTestId("interfaces").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("power-configuration")).ToContainTextAsync("manual");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Commission" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("machine-details-admin");
        await page.Context.CloseAsync();

        IPage userPage = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await userPage.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await userPage.GotoAsync($"MAAS/r/machine/{id}");
        await userPage.WaitForCircuitAsync();
        await Expect(userPage.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await Expect(userPage.GetByTestId("power-configuration")).ToHaveCountAsync(0);
        await Expect(userPage.GetByRole(AriaRole.Button, new() { Name = "Commission" })).ToHaveCountAsync(0);
        await userPage.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Commission_then_abort_from_the_details_page_moves_the_status_through_the_table()
    {
        string id = await host.Admin.CreateMachineAsync($"cycle-{MachineListTests.Unique()}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Commission", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, commission" }).ClickAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning");
        await Expect(page.GetByTestId("events")).ToContainTextAsync("Commission");

        await page.GetByRole(AriaRole.Button, new() { Name = "Abort", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, abort" }).ClickAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Lock_hides_the_edit_actions_and_unlock_brings_them_back()
    {
        string id = await host.Admin.CreateMachineAsync($"lockme-{MachineListTests.Unique()}", deployed: true);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, lock" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".status-line")).ToContainTextAsync("Locked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, unlock" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task An_action_refused_by_the_UI_rules_shows_MAAS_error_text()
    {
        // Mark fixed is offered on a broken machine, but MAAS's UI action refuses it unless commissioning passed.
        string u = MachineListTests.Unique();
        string id = await host.Admin.CreateMachineAsync($"broken-{u}", commission: true);
        await host.Admin.PostAsync($"machines/{id}/", "mark_broken", ("comment", "disk died"));
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Broken");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark fixed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark fixed" }).ClickAsync();

        await Expect(page.GetByTestId("action-error")).ToHaveTextAsync("Unable to be mark fixed because it has not been commissioned successfully.");
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Broken");
        await page.ScreenshotAsync("machine-details-refused");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_change_made_through_the_API_shows_on_the_open_details_page_with_its_event()
    {
        string id = await host.Admin.CreateMachineAsync($"watch-{MachineListTests.Unique()}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");

        await host.Admin.PostAsync($"machines/{id}/", "commission");

        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("events")).ToContainTextAsync("Commissioning", new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Details_list_the_PCI_and_USB_devices_commissioning_found_with_the_card_or_disk_each_one_is()
    {
        string id = await host.Admin.CreateMachineAsync($"devices-{MachineListTests.Unique()}");
        var store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = await host.MachineAsync(id);
        machine.NodeDevices =
        [
            new NodeDevice
            {
                Id = 1, Bus = NodeDeviceBus.Pcie, HardwareType = 4, NumaNode = 1, VendorId = "8086", ProductId = "1572",
                VendorName = "Intel Corporation", ProductName = "Ethernet Controller X710", CommissioningDriver = "i40e",
                PciAddress = "0000:3b:00.0", InterfaceMac = "52:54:00:12:34:56",
            },
            new NodeDevice { Id = 2, Bus = NodeDeviceBus.Usb, HardwareType = 0, VendorId = "1d6b", ProductId = "0002", BusNumber = 1, DeviceNumber = 2 },
        ];
        await store.SaveAsync(machine, TestContext.Current.CancellationToken);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);

        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        ILocator rows = page.GetByTestId("node-devices").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("th, td")).ToHaveTextAsync(
            ["PCI", "0000:3b:00.0", "Intel Corporation (8086)", "Ethernet Controller X710 (1572)", "Network", "i40e", "1", "52:54:00:12:34:56"]);
        await Expect(rows.Nth(1).Locator("th, td")).ToHaveTextAsync(["USB", "Bus 001 Device 002", "1d6b", "0002", "Node", "", "0", ""]);
        await page.GetByRole(AriaRole.Heading, new() { Name = "PCI and USB devices" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("machine-devices");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_machine_deployed_with_hardware_sync_shows_its_last_report_and_is_marked_late_once_overdue()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"hwsync-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 8 * MachineSetup.Gb);
        await host.DeployableAsync(id, "ubuntu/noble");
        await host.Admin.PostAsync($"machines/{id}/", "deploy", ("enable_hw_sync", "true"));
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator sync = page.GetByTestId("hardware-sync");
        await Expect(sync).ToHaveTextAsync("On, every 15 min; no report yet");

        // Two hours without a report: MAAS's is_sync_healthy is false past 1.5 intervals.
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        DateTime old = new(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond) - TimeSpan.TicksPerHour * 2, DateTimeKind.Utc);
        await RecordReportAsync(id, old);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(sync).ToHaveTextAsync($"Late: no report since {Display.Time(old)}, next due {Display.Time(old.AddMinutes(15))}; every 15 min");
        await Expect(sync).ToHaveClassAsync("error");

        DateTime fresh = old.AddHours(2);
        await RecordReportAsync(id, fresh);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(sync).ToHaveTextAsync($"On, every 15 min; last report {Display.Time(fresh)}, next due {Display.Time(fresh.AddMinutes(15))}");
        await Expect(sync).Not.ToHaveClassAsync("error");
        await page.Context.CloseAsync();

        IPage without = await host.NewPageAsync(ct);
        await without.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await without.GotoAsync($"MAAS/r/machine/{await host.Admin.CreateMachineAsync($"nosync-{MachineListTests.Unique()}", deployed: true)}");
        await without.WaitForCircuitAsync();
        await Expect(without.GetByRole(AriaRole.Region, new() { Name = "Summary" })).ToContainTextAsync("Deployed");
        await Expect(without.GetByTestId("hardware-sync")).ToHaveCountAsync(0);
        await without.Context.CloseAsync();
    }

    /// <summary>What a results signal from the deployed OS does to the machine (<see cref="Machine.RecordHardwareSync"/>), at <paramref name="at"/>.</summary>
    private async Task RecordReportAsync(string systemId, DateTime at)
    {
        Machine machine = await host.MachineAsync(systemId);
        Assert.True(machine.RecordHardwareSync(at));
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, TestContext.Current.CancellationToken);
    }
}
