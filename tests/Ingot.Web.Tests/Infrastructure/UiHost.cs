using Ingot.Core.Users;
using Ingot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Ingot.Web.Tests.Infrastructure;

/// <summary>
/// The real Ingot web host (<see cref="IngotWebHost"/>, what <c>ingot serve</c> runs) on a free
/// loopback port with a fresh SQLite database, an administrator and a normal user with passwords and
/// API keys, and Debian's Chromium driven headless by Playwright (no browser download).
/// </summary>
public sealed class UiHost : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string AdminPassword = "admin-pass-1";
    public const string UserName = "alice";
    public const string UserPassword = "alice-pass-1";

    /// <summary>Debian's Chromium (scripts/install-test-packages.sh installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ingot-web-tests-");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>API clients signed with the administrator's and the user's keys.</summary>
    public MaasClient Admin { get; private set; } = default!;

    public MaasClient User { get; private set; } = default!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Where screenshots go: the test output directory's TestResults/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var location = new DataLocation(_directory.FullName, $"Data Source={Path.Combine(_directory.FullName, "ingot.db")}");
        _app = IngotWebHost.Build(location, "http://127.0.0.1:0");
        await IngotState.MigrateAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Admin = new MaasClient(BaseAddress, await CreateUserAsync(AdminName, AdminPassword, isAdmin: true));
        User = new MaasClient(BaseAddress, await CreateUserAsync(UserName, UserPassword, isAdmin: false));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            Timeout = 30_000,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        Admin?.Dispose();
        User?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>
    /// A fresh browser context (no cookies) and page with bounded timeouts; <paramref name="ct"/>
    /// (the test's token) closes it, so a test that times out stops at once.
    /// </summary>
    public async Task<IPage> NewPageAsync(CancellationToken ct, int width = 1400, int height = 900)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        ct.Register(() => _ = context.CloseAsync());
        return await context.NewPageAsync();
    }

    /// <summary>Adds a user with a password (few PBKDF2 iterations, still a MAAS hash) and an API key.</summary>
    private async Task<string> CreateUserAsync(string username, string password, bool isAdmin)
    {
        var users = Services.GetRequiredService<IUserStore>();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Username = username,
            Email = $"{username}@example.com",
            IsAdmin = isAdmin,
            PasswordHash = PasswordHasher.Hash(password, 1000),
            Created = now,
        };
        await users.AddAsync(user, CancellationToken.None);
        ApiToken token = ApiTokenGenerator.Create(user.Id, UserAccounts.DefaultConsumerName, now);
        await users.AddTokenAsync(token, CancellationToken.None);
        return token.ApiKey;
    }
}
