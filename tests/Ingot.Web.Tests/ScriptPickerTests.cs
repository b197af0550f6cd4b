using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Users;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The commission form's script picker: choosing a script by checkbox and setting its parameters.</summary>
[Collection(UiTests.Name)]
public sealed class ScriptPickerTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task A_picked_testing_script_runs_with_the_parameters_typed_for_it()
    {
        string u = MachineListTests.Unique();
        string name = $"site-burn-{u}";
        string text = $"""
            #!/bin/sh
            # --- Start MAAS 1.0 script metadata ---
            # name: {name}
            # script_type: testing
            # tags: [site]
            # parameters: {"{"}runtime: {"{"}type: runtime, default: 30{"}"}, mirror: {"{"}type: url, default: 'http://mirror/'{"}"}{"}"}
            # --- End MAAS 1.0 script metadata ---
            echo burn
            """;
        await host.Services.GetRequiredService<ScriptOperations>().CreateAsync(
            Actor.User(UiHost.AdminName, isAdmin: true), new Dictionary<string, string>(), text, TestContext.Current.CancellationToken);
        string id = await host.Admin.CreateMachineAsync($"pick-{u}");
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Commission", Exact = true }).ClickAsync();
        ILocator form = page.GetByTestId("commission-form");
        await form.GetByTestId("testing-picker").GetByLabel(name).CheckAsync();
        await Expect(form.GetByLabel("Testing scripts", new() { Exact = true })).ToHaveValueAsync(name);
        await form.GetByLabel($"{name} mirror").FillAsync("http://local-mirror/");
        await form.GetByLabel($"{name} runtime").FillAsync("45");
        await page.ScreenshotAsync("commission-script-picker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, commission", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Commissioning");
        await page.Context.CloseAsync();

        var sets = await host.Services.GetRequiredService<IScriptResultStore>().SetsAsync(id, TestContext.Current.CancellationToken);
        ScriptResult result = Assert.Single(sets.Single(s => s.Kind == ScriptSetKind.Testing).Results);
        Assert.Equal(name, result.Name);
        Assert.Contains("http://local-mirror/", result.Parameters, StringComparison.Ordinal);
        Assert.Contains("\"value\":45", result.Parameters.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
