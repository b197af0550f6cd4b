using System.Globalization;
using Ingot.Core.Users;
using Ingot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>list --http</c>: GET /MAAS/api/2.0/machines/ through the real web host on a loopback port,
/// signed as the maas CLI signs (OAuth PLAINTEXT), body read to the end.
/// </summary>
internal static class HttpList
{
    public static async Task RunAsync(BenchDatabase db, int count, int warmups, int repetitions, CancellationToken ct)
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-bench-host-");
        try
        {
            await using var app = IngotWebHost.Build(new DataLocation(directory.FullName, db.ConnectionString), "http://127.0.0.1:0");
            await IngotState.MigrateAsync(app.Services, ct);
            await app.StartAsync(ct);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            string apiKey = await CreateAdminAsync(app.Services, ct);
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
            long bytes = 0;
            await Timing.MeasureAsync($"http GET machines/ ({count} machines)", warmups, repetitions, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "MAAS/api/2.0/machines/");
                request.Headers.TryAddWithoutValidation("Authorization", Sign(apiKey));
                using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                await using Stream body = await response.Content.ReadAsStreamAsync(ct);
                var sink = new CountingStream();
                await body.CopyToAsync(sink, ct);
                bytes = sink.Written;
            });
            Report.Line($"http body: {bytes / (1024.0 * 1024.0):0.0} MiB");
            Report.PeakMemory("list + http");
            await app.StopAsync(ct);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    internal static async Task<string> CreateAdminAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<IUserStore>();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var user = new User { Username = "bench", Email = "bench@example.com", IsAdmin = true, IsActive = true, PasswordHash = "", Created = now };
        await users.AddAsync(user, ct);
        ApiToken token = ApiTokenGenerator.Create(user.Id, UserAccounts.DefaultConsumerName, now);
        await users.AddTokenAsync(token, ct);
        return token.ApiKey;
    }

    internal static string Sign(string apiKey)
    {
        string[] parts = apiKey.Split(':');
        string nonce = Guid.NewGuid().ToString("N");
        string timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"OAuth oauth_nonce=\"{nonce}\", oauth_timestamp=\"{timestamp}\", oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", "
            + $"oauth_consumer_key=\"{parts[0]}\", oauth_token=\"{parts[1]}\", oauth_signature=\"{Uri.EscapeDataString("&" + parts[2])}\"";
    }
}
