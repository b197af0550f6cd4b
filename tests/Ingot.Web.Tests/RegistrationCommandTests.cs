using System.Text;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// Adding a live machine from the UI: a deployed machine's page shows administrators the one-use registration
/// command, the same as <c>op=get_registration_command</c>, and its URL serves the registration script; other
/// statuses get no button, and a non-admin does not see the admin's machine at all. A report sent to the URL shows on
/// the page as the machine's commissioning results.
/// </summary>
[Collection(UiTests.Name)]
public sealed class RegistrationCommandTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task A_deployed_machine_s_page_shows_an_admin_the_registration_command_the_API_gives_and_its_url_serves_the_script()
    {
        string u = MachineListTests.Unique();
        string live = await host.Admin.CreateMachineAsync($"live-{u}", deployed: true);
        string fresh = await host.Admin.CreateMachineAsync($"new-{u}");

        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{live}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("Deployed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show registration command" }).ClickAsync();
        ILocator shown = page.GetByTestId("registration-command");
        await Expect(shown).ToContainTextAsync("| sudo sh");
        string command = (await shown.TextContentAsync())!.Trim();
        await page.ScreenshotAsync("registration-command");

        await page.GotoAsync($"MAAS/r/machine/{fresh}");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("machine-status")).ToHaveTextAsync("New");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show registration command" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        IPage userPage = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await userPage.LogInAsync(UiHost.UserName, UiHost.UserPassword);
        await userPage.GotoAsync($"MAAS/r/machine/{live}");
        await userPage.WaitForCircuitAsync();

        // A non-admin cannot see the admin's machine at all (MAAS's view permission), so no command either.
        await Expect(userPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(userPage.GetByTestId("machine-status")).ToHaveCountAsync(0);
        await Expect(userPage.GetByRole(AriaRole.Button, new() { Name = "Show registration command" })).ToHaveCountAsync(0);
        await userPage.Context.CloseAsync();

        // The API's op gives the same command (the token is the machine's until a report uses it).
        string apiCommand = (await host.Admin.GetAsync($"machines/{live}/", "get_registration_command")).GetProperty("command").GetString()!;
        Assert.Equal(apiCommand, command);
        string prefix = "curl -fsSL ";
        Assert.StartsWith(prefix + host.BaseAddress.GetLeftPart(UriPartial.Authority) + "/MAAS/register/" + live + ".", command, StringComparison.Ordinal);
        string url = command[prefix.Length..command.IndexOf(" | ", StringComparison.Ordinal)];
        using var http = new HttpClient();
        using HttpResponseMessage script = await http.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
        Assert.True(script.IsSuccessStatusCode, $"GET {url}: {(int)script.StatusCode}");
        Assert.Equal("text/x-shellscript", script.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("#!", await script.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // A report to that URL shows on the machine page as its commissioning results (the deploy-info set).
        using HttpResponseMessage reported = await http.PostAsync(new Uri(url), new StringContent(Report()), TestContext.Current.CancellationToken);
        Assert.True(reported.IsSuccessStatusCode, $"POST {url}: {(int)reported.StatusCode} {await reported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        IPage again = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await again.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await again.GotoAsync($"MAAS/r/machine/{live}");
        await again.WaitForCircuitAsync();
        ILocator results = again.GetByTestId("results-commissioning");
        foreach (BuiltInScript deployInfo in DeployInfoScripts.All)
        {
            await Expect(results.Locator($"tr[data-name='{deployInfo.Name}'] td").First).ToHaveTextAsync("Passed");
        }

        await Expect(again.GetByTestId("set-status").First).ToHaveTextAsync("Passed");
        await again.ScreenshotAsync("registration-results");
        await again.Context.CloseAsync();
    }

    /// <summary>A report as the registration script sends it, every deploy-info script passed, with a small resources document.</summary>
    private static string Report() =>
        string.Join('\n', [
            LiveHostReport.Header,
            .. DeployInfoScripts.All.Select(s => $"result {s.Name} 0 {Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Name == CommissioningHooks.ResourcesScript
                ? "{\"api_version\":\"1.0\",\"resources\":{\"cpu\":{\"architecture\":\"x86_64\",\"total\":2},\"memory\":{\"total\":2147483648}}}"
                : s.Name + " ran\n"))} -"),
        ]) + "\n";
}
