using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The storage buttons follow Core's StorageEditRules for the viewer: the non-admin owner of an Allocated machine
/// formats, mounts, unmounts and unformats, while the structural edits are disabled with Core's refusal as the title.
/// </summary>
[Collection(UiTests.Name)]
public sealed class StorageOwnerFormTests(UiHost host)
{
    private const string Denied = "You do not have permission to perform this action.";

    /// <summary>An Allocated machine owned by <see cref="UiHost.UserName"/> whose sda carries one unformatted partition.</summary>
    private async Task<string> AllocatedAsync(string name, CancellationToken ct)
    {
        string id = await host.Admin.CreateMachineAsync($"{name}-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        Machine machine = await host.MachineAsync(id);
        machine.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 4 * MachineSetup.Gb });
        machine.TransitionTo(MachineStatus.Allocated, TimeProvider.System.GetUtcNow().UtcDateTime, UiHost.UserName);
        machine.SetOwner(UiHost.UserName);
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        return id;
    }

    private async Task<IPage> OpenAsync(string id, string username, string password, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(username, password);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static ILocator Row(IPage page, string device) => page.GetByTestId("storage-device-table").Locator($"tr[data-device='{device}']");

    [Fact(Timeout = 90_000)]
    public async Task The_owner_of_an_allocated_machine_formats_and_mounts_a_partition_but_may_not_create_or_delete_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await AllocatedAsync("ownerfs", ct);
        IPage page = await OpenAsync(id, UiHost.UserName, UiHost.UserPassword, ct);

        ILocator add = page.GetByRole(AriaRole.Button, new() { Name = "Add partition" });
        await Expect(add).ToBeDisabledAsync();
        await Expect(add).ToHaveAttributeAsync("title", Denied);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create RAID" })).ToHaveAttributeAsync("title", Denied);
        ILocator delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete sda-part1" });
        await Expect(delete).ToBeDisabledAsync();
        await Expect(delete).ToHaveAttributeAsync("title", Denied);

        await page.GetByRole(AriaRole.Button, new() { Name = "Format and mount sda-part1" }).ClickAsync();
        ILocator fs = page.GetByTestId("filesystem-form");
        await fs.GetByLabel("Filesystem for sda-part1").SelectOptionAsync("ext4");
        await fs.GetByLabel("Mount point").FillAsync("/srv");
        await fs.GetByRole(AriaRole.Button, new() { Name = "Save filesystem" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("Filesystem of sda-part1 saved.");
        await Expect(Row(page, "sda-part1")).ToContainTextAsync("/srv");
        await page.ScreenshotAsync("machine-storage-owner");

        await page.GetByRole(AriaRole.Button, new() { Name = "Unmount sda-part1" }).ClickAsync();
        await Expect(page.GetByTestId("device-done")).ToHaveTextAsync("sda-part1 unmounted.");
        await page.Context.CloseAsync();

        Machine machine = await host.MachineAsync(id);
        Filesystem? filesystem = machine.BlockDevices[0].Partitions[0].Filesystem;
        Assert.Equal(("ext4", ""), (filesystem?.Type, filesystem?.MountPoint ?? ""));
        Assert.Single(machine.BlockDevices[0].Partitions);
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_sees_structural_edits_of_an_allocated_machine_disabled_with_the_state_refusal()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await AllocatedAsync("adminalloc", ct);
        IPage page = await OpenAsync(id, UiHost.AdminName, UiHost.AdminPassword, ct);

        ILocator add = page.GetByRole(AriaRole.Button, new() { Name = "Add partition" });
        await Expect(add).ToBeDisabledAsync();
        await Expect(add).ToHaveAttributeAsync("title", "Cannot create partition because the machine is not Ready.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete sda-part1" })).ToHaveAttributeAsync("title", "Cannot delete partition because the machine is not Ready.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Format and mount sda-part1" })).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_user_who_does_not_own_a_ready_machine_gets_no_storage_forms()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string hostname = $"userready-{MachineListTests.Unique()}";
        string id = await host.Admin.CreateMachineAsync(hostname);
        await host.ReadyAsync(id, 16 * MachineSetup.Gb);
        IPage page = await OpenAsync(id, UiHost.UserName, UiHost.UserPassword, ct);

        await Expect(page.Locator("h1")).ToContainTextAsync(hostname);
        await Expect(page.GetByTestId("storage-devices")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add partition" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
