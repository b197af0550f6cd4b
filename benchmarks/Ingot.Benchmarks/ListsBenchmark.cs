using System.Diagnostics;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Ingot.Data;
using Ingot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>lists</c>: every machine-list request of the REST API through a started host with N machines:
/// the first <c>GET machines/</c> right after a start, then <c>machines/</c>, <c>machines/?op=list_allocated</c>,
/// <c>nodes/</c> and <c>tags/virtual/?op=machines</c> (median of N after warm-ups). One machine in 20 of the
/// fleet is ALLOCATED to the benchmark's admin (for list_allocated); one in 3 carries the tag.
/// </summary>
internal static class ListsBenchmark
{
    private static readonly string[] s_paths =
    [
        "MAAS/api/2.0/machines/",
        "MAAS/api/2.0/machines/?op=list_allocated",
        "MAAS/api/2.0/nodes/",
        "MAAS/api/2.0/tags/virtual/?op=machines",
    ];

    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 10_000);
        int repetitions = options.Number("reps", 7);
        int warmups = options.Number("warmups", 1);
        await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
        Report.Line($"lists: {count} machines on {db.Engine} (2 interfaces, 2 disks each)");
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await Fleet.SeedAsync(db.Database, db.Secrets, count, ready: count / 20, now, ct);
        await using (IngotDbContext context = db.Database.CreateDbContext())
        {
            int allocated = await context.Set<Machine>()
                .Where(m => m.Id % 20 == 7)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MachineStatus.Allocated).SetProperty(m => m.Owner, "bench").SetProperty(m => m.Version, 2L), ct);
            Report.Line($"allocated to the caller: {allocated}");
        }

        GC.Collect();
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-bench-host-");
        try
        {
            await using var app = IngotWebHost.Build(new DataLocation(directory.FullName, db.ConnectionString), "http://127.0.0.1:0");
            await IngotState.MigrateAsync(app.Services, ct);
            await app.Services.GetRequiredService<ITagStore>().AddAsync(new Tag { Name = "virtual" }, ct);
            string apiKey = await HttpList.CreateAdminAsync(app.Services, ct);
            var started = Stopwatch.StartNew();
            await app.StartAsync(ct);
            Report.Line($"host started in {started.Elapsed.TotalMilliseconds:0} ms");
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
            var first = Stopwatch.StartNew();
            long firstBytes = await GetAsync(client, apiKey, s_paths[0], ct);
            Report.Line($"first GET machines/ right after the start: {first.Elapsed.TotalMilliseconds:0} ms ({firstBytes / (1024.0 * 1024.0):0.0} MiB)");
            foreach (string path in s_paths)
            {
                long bytes = 0;
                await Timing.MeasureAsync($"http GET {path}", warmups, repetitions, async () => bytes = await GetAsync(client, apiKey, path, ct));
                Report.Line($"  body: {bytes / (1024.0 * 1024.0):0.0} MiB");
            }

            Report.PeakMemory("lists");
            await app.StopAsync(ct);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<long> GetAsync(HttpClient client, string apiKey, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", HttpList.Sign(apiKey));
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using Stream body = await response.Content.ReadAsStreamAsync(ct);
        var sink = new CountingStream();
        await body.CopyToAsync(sink, ct);
        return sink.Written;
    }
}
