using System.Globalization;
using Ingot.Benchmarks;
using Ingot.Benchmarks.Ui;
using Ingot.Core.Users;
using Ingot.Data;
using Ingot.Data.Secrets;
using Ingot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

// The web UI's machines list at N machines, in Debian's headless Chromium driven by Playwright:
//   first paint  navigation start -> first machine row in the DOM (and -> the circuit is interactive)
//   filter       search text / status filter set -> machine count updated and a frame painted
// Usage: dotnet run -c Release --project benchmarks/ui/Ingot.Benchmarks.Ui -- [--machines 10000] [--reps 7] [--screenshots DIR]
int machines = Option("--machines", 10_000);
int screenshotsAt = Array.IndexOf(args, "--screenshots");
string? screenshots = screenshotsAt >= 0 && screenshotsAt + 1 < args.Length ? args[screenshotsAt + 1] : null;
int reps = Option("--reps", 7);
CancellationToken ct = CancellationToken.None;
DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-ui-bench-");
try
{
    var location = new DataLocation(directory.FullName, $"Data Source={Path.Combine(directory.FullName, "ingot.db")}");
    WebApplication app = IngotWebHost.Build(location, "http://127.0.0.1:0");
    await IngotState.MigrateAsync(app.Services, ct);
    DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
    await Fleet.SeedAsync(app.Services.GetRequiredService<IngotDatabase>(), app.Services.GetRequiredService<SecretsAtRest>(), machines, machines / 20, now, ct);
    await app.Services.GetRequiredService<IUserStore>().AddAsync(
        new User { Username = "admin", IsAdmin = true, PasswordHash = PasswordHasher.Hash("bench-pass", 1000), Created = now }, ct);
    await app.StartAsync(ct);
    string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {machines} machines (SQLite), {reps} repetitions");

    using IPlaywright playwright = await Playwright.CreateAsync();
    await using IBrowser browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    });
    IBrowserContext context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
    context.SetDefaultTimeout(30_000);
    IPage login = await context.NewPageAsync();
    await login.GotoAsync("MAAS/r/login");
    await login.GetByLabel("Username").FillAsync("admin");
    await login.GetByLabel("Password").FillAsync("bench-pass");
    await login.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    await login.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached });
    double cold = await login.EvaluateAsync<double>("() => performance.now()");
    Console.WriteLine($"cold list (first load of the machine cache, login redirect included): interactive at {cold:0} ms");
    await login.CloseAsync();

    var firstRow = new List<double>();
    var interactive = new List<double>();
    var search = new List<double>();
    var clear = new List<double>();
    var status = new List<double>();
    for (int r = 0; r < reps + 1; r++)
    {
        IPage page = await context.NewPageAsync();
        await page.GotoAsync("MAAS/r/machines", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("tr[data-system-id]");
        double row = await page.EvaluateAsync<double>("() => performance.now()");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached });
        double live = await page.EvaluateAsync<double>("() => performance.now()");
        double s = await page.EvaluateAsync<double>(BrowserTimings.Search, $"node-{r % 10:D2}01");
        double c = await page.EvaluateAsync<double>(BrowserTimings.Search, "");
        double st = await page.EvaluateAsync<double>(BrowserTimings.Status, "Ready");
        if (r > 0)
        {
            firstRow.Add(row);
            interactive.Add(live);
            search.Add(s);
            clear.Add(c);
            status.Add(st);
        }

        await page.CloseAsync();
    }

    if (screenshots is not null)
    {
        // The pictures in the README: the list as it opens, and one machine's details.
        Directory.CreateDirectory(screenshots);
        IPage page = await context.NewPageAsync();
        await page.GotoAsync("MAAS/r/machines");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached });
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "machines-list.png") });
        await page.GotoAsync($"MAAS/r/machine/{Fleet.SystemId(1)}");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached });
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "machine-details.png"), FullPage = true });
        await page.CloseAsync();
    }

    Print("first machine row painted (navigation start ->)", firstRow);
    Print("list interactive (circuit live)", interactive);
    Print($"search narrowing {machines} -> ~10 machines", search);
    Print($"clear search (back to all {machines})", clear);
    Print("status filter Ready", status);
    await app.StopAsync(ct);
    await app.DisposeAsync();
}
finally
{
    SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);
}

static void Print(string label, List<double> samples)
{
    samples.Sort();
    double median = samples.Count % 2 == 1 ? samples[samples.Count / 2] : (samples[(samples.Count / 2) - 1] + samples[samples.Count / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: median {median:0} ms, min {samples[0]:0} ms, max {samples[^1]:0} ms (n={samples.Count})"));
}

int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
