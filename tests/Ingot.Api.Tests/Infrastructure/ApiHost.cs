using Ingot.Core.Users;
using Ingot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>
/// A real Ingot web host (the one <c>ingot serve</c> runs, <see cref="IngotWebHost"/>) on a free
/// loopback port with a fresh SQLite database, for tests that speak HTTP to it. Use it as an xunit
/// class fixture (<c>IClassFixture&lt;ApiHost&gt;</c>) or subclass it to add services or resources.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    private readonly Action<IServiceCollection>? _configure;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ingot-api-tests-");
    private readonly string _urls = "http://127.0.0.1:0";
    private WebApplication? _app;

    public ApiHost()
        : this(null)
    {
    }

    protected ApiHost(Action<IServiceCollection>? configure) => _configure = configure;

    /// <summary>A host listening on <paramref name="urls"/> instead of a loopback port (e.g. <c>http://0.0.0.0:0</c>).</summary>
    protected ApiHost(Action<IServiceCollection>? configure, string urls)
        : this(configure) => _urls = urls;

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        var location = new DataLocation(_directory.FullName, $"Data Source={Path.Combine(_directory.FullName, "ingot.db")}");
        _app = IngotWebHost.Build(location, _urls, _configure);
        await IngotState.MigrateAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A host listening on every address is reached over loopback.
        BaseAddress = new Uri(address.Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client that signs every request with <paramref name="apiKey"/> (<c>consumer:token:secret</c>), as the maas CLI does.</summary>
    public HttpClient Client(string apiKey) => new(new OAuthSigner(apiKey)) { BaseAddress = BaseAddress };

    /// <summary>
    /// Adds a user with one API key, straight into the store. A password, when given, is hashed with
    /// few iterations to keep tests fast (it still verifies as a MAAS hash).
    /// </summary>
    public async Task<ApiUser> CreateUserAsync(string? username = null, bool isAdmin = false, string? password = null, bool isActive = true)
    {
        var users = Services.GetRequiredService<IUserStore>();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Username = username ?? $"user{Guid.NewGuid():N}"[..16],
            Email = "someone@example.com",
            IsAdmin = isAdmin,
            IsActive = isActive,
            PasswordHash = password is null ? "" : PasswordHasher.Hash(password, 1000),
            Created = now,
        };
        await users.AddAsync(user, CancellationToken.None);
        ApiToken token = ApiTokenGenerator.Create(user.Id, UserAccounts.DefaultConsumerName, now);
        await users.AddTokenAsync(token, CancellationToken.None);
        return new ApiUser(user, token.ApiKey);
    }
}
