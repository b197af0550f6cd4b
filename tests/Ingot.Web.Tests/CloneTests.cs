using Ingot.Core.Machines;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

[Collection(UiTests.Name)]
public sealed class CloneTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task Clone_to_a_good_and_a_too_small_destination_clones_one_and_lists_the_other_with_its_error()
    {
        string u = MachineListTests.Unique();
        string source = await host.Admin.CreateMachineAsync($"csrc-{u}");
        string good = await host.Admin.CreateMachineAsync($"cgood-{u}");
        string small = await host.Admin.CreateMachineAsync($"csmall-{u}");
        await host.ReadyAsync(source, 8 * MachineSetup.Gb);
        await host.ReadyAsync(good, 16 * MachineSetup.Gb);
        await host.ReadyAsync(small, 4 * MachineSetup.Gb);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{source}");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Clone", Exact = true }).ClickAsync();
        ILocator form = page.GetByTestId("clone-form");
        await form.GetByLabel("Network interfaces").UncheckAsync();
        await form.GetByLabel("Find destinations").FillAsync(u);
        await Expect(form.GetByLabel($"csmall-{u}.maas")).ToBeVisibleAsync();
        await form.GetByLabel($"cgood-{u}.maas").CheckAsync();
        await Expect(form.Locator("legend")).ToContainTextAsync("(1 chosen");
        await form.GetByLabel($"csmall-{u}.maas").CheckAsync();
        await Expect(form.Locator("legend")).ToContainTextAsync("(2 chosen");
        await form.GetByRole(AriaRole.Button, new() { Name = "Clone to 2 machine(s)" }).ClickAsync();

        await Expect(page.GetByTestId("clone-results")).ToContainTextAsync($"1 of 2 machine(s) cloned successfully from csrc-{u}.");
        ILocator errors = page.GetByTestId("clone-errors");
        await Expect(errors).ToContainTextAsync("Storage");
        await Expect(errors.Locator($"li[data-system-id=\"{small}\"]")).ToContainTextAsync($"{small} (csmall-{u}) is invalid:");
        await Expect(errors.Locator($"li[data-system-id=\"{small}\"]")).ToContainTextAsync("is smaller than source boot disk");
        await Expect(errors.Locator($"li[data-system-id=\"{good}\"]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("clone-results");

        var store = host.Services.GetRequiredService<IMachineStore>();
        Assert.Contains(await store.EventsAsync(good, TestContext.Current.CancellationToken), e => e.Description == $"Cloning from 'csrc-{u}'.");
        Assert.DoesNotContain(await store.EventsAsync(small, TestContext.Current.CancellationToken), e => e.Description.StartsWith("Cloning", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_user_is_not_offered_clone()
    {
        string id = await host.Admin.CreateMachineAsync($"cuser-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 8 * MachineSetup.Gb);
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clone", Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
