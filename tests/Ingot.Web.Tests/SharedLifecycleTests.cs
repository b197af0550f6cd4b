using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Storage;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The page's deploy and commission go through the same Core operation as <c>op=deploy</c> and
/// <c>op=commission</c>: the deploy checks refuse the same machines with the same text, and commissioning
/// makes the same script sets.
/// </summary>
[Collection(UiTests.Name)]
public sealed class SharedLifecycleTests(UiHost host)
{
    private async Task<IPage> OpenAsync(string systemId, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{systemId}");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task RunAsync(IPage page, string action, Func<ILocator, Task>? fill = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        if (fill is not null)
        {
            await fill(page.GetByRole(AriaRole.Group, new() { Name = "Confirm action" }));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, " + action.ToLowerInvariant(), Exact = true }).ClickAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Deploy_from_the_page_is_refused_for_a_missing_boot_image_and_for_bad_storage_as_the_API_refuses_it()
    {
        string u = MachineListTests.Unique();
        string noImage = await host.Admin.CreateMachineAsync($"noimg-{u}");
        string blank = await host.Admin.CreateMachineAsync($"blank-{u}");
        foreach (string id in (string[])[noImage, blank])
        {
            await host.ReadyAsync(id, 8 * MachineSetup.Gb);
            await host.DeployableAsync(id, "ubuntu/noble");
        }

        Machine stored = await host.MachineAsync(blank);
        DefaultStorage.Apply(stored, "blank");
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(stored, TestContext.Current.CancellationToken);
        const string NoImageText = "Deployment operating system ubuntu/oracular is unavailable for amd64/generic.";
        const string StorageText = "Mount the root '/' filesystem to be able to deploy this node.";

        IPage page = await OpenAsync(noImage, TestContext.Current.CancellationToken);
        await RunAsync(page, "Deploy", form => form.GetByLabel("Release").FillAsync("oracular"));
        await Expect(page.GetByTestId("action-error")).ToHaveTextAsync(NoImageText);
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Ready");
        await page.ScreenshotAsync("deploy-refused-no-image");
        await page.Context.CloseAsync();
        (int apiStatus, string apiBody) = await host.Admin.TryPostAsync($"machines/{noImage}/", "deploy", ("distro_series", "oracular"));

        IPage storagePage = await OpenAsync(blank, TestContext.Current.CancellationToken);
        await RunAsync(storagePage, "Deploy");
        await Expect(storagePage.GetByTestId("action-error")).ToHaveTextAsync("storage: " + StorageText);
        await Expect(storagePage.GetByTestId("machine-status")).ToHaveTextAsync("Ready");
        await storagePage.Context.CloseAsync();
        (int storageStatus, string storageBody) = await host.Admin.TryPostAsync($"machines/{blank}/", "deploy");

        Assert.Equal((400, NoImageText), (apiStatus, apiBody));
        Assert.Equal(400, storageStatus);
        Assert.Equal(StorageText, JsonDocument.Parse(storageBody).RootElement.GetProperty("storage")[0].GetString());
        foreach (string id in (string[])[noImage, blank])
        {
            Machine after = await host.MachineAsync(id);
            Assert.Equal((MachineStatus.Ready, (string?)null), (after.Status, after.Owner));
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task Commission_from_the_page_makes_the_same_script_sets_as_the_API_op()
    {
        string u = MachineListTests.Unique();
        string fromPage = await host.Admin.CreateMachineAsync($"cpage-{u}");
        string fromApi = await host.Admin.CreateMachineAsync($"capi-{u}");

        IPage page = await OpenAsync(fromPage, TestContext.Current.CancellationToken);
        await RunAsync(page, "Commission", async form =>
        {
            await form.GetByLabel("Skip configuring supported BMC").CheckAsync();
            await form.GetByLabel("Testing scripts").FillAsync("memtester, network-link-check");
        });
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning");
        await page.Context.CloseAsync();
        await host.Admin.PostAsync($"machines/{fromApi}/", "commission", ("skip_bmc_config", "true"), ("testing_scripts", "memtester,network-link-check"));

        var results = host.Services.GetRequiredService<IScriptResultStore>();
        async Task<List<string>> SetsAsync(string id) =>
            [.. (await results.SetsAsync(id, TestContext.Current.CancellationToken))
                .SelectMany(s => s.Results.Select(r => $"{s.Kind} {r.Name} {r.Status} {r.Parameters}"))
                .Order(StringComparer.Ordinal)];
        List<string> pageSets = await SetsAsync(fromPage);
        List<string> apiSets = await SetsAsync(fromApi);
        Assert.Contains($"{ScriptSetKind.Commissioning} 30-maas-01-bmc-config {ScriptStatus.Skipped} {{}}", pageSets);
        Assert.Contains(pageSets, r => r.StartsWith($"{ScriptSetKind.Testing} memtester ", StringComparison.Ordinal));
        Assert.DoesNotContain(pageSets, r => r.Contains("smartctl-validate", StringComparison.Ordinal));
        Assert.Equal(apiSets, pageSets);
    }
}
