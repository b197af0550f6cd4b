using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>list</c>: the server's work for <c>GET machines/</c> with N machines: the store's list read plus
/// the MAAS JSON rendered by <c>MachineJson.RenderListAsync</c> to a discarding stream; with
/// <c>--http</c>, also the real request through a started host; with <c>--http-only</c>, only that.
/// </summary>
internal static class ListBenchmark
{
    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 10_000);
        int repetitions = options.Number("reps", count >= 50_000 ? 5 : 11);
        int warmups = options.Number("warmups", 2);
        await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
        Report.Line($"list: {count} machines on {db.Engine} (2 interfaces, 2 disks each)");
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await Fleet.SeedAsync(db.Database, db.Secrets, count, ready: count / 20, now, ct);
        Report.Line($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
        GC.Collect();
        if (options.Flag("http-only"))
        {
            await HttpList.RunAsync(db, count, warmups, repetitions, ct);
            return;
        }

        var context = new MachineJsonContext();
        var probe = new CountingStream();
        IReadOnlyList<Machine> first = await db.Machines.ListForDisplayAsync(ct);
        await MachineJson.RenderListAsync(first, context, probe, ct);
        Report.Line($"response: {first.Count} machines, {probe.Written / (1024.0 * 1024.0):0.0} MiB of JSON");
        first = [];

        await Timing.MeasureAsync("store list", warmups, repetitions, async () => _ = await db.Machines.ListForDisplayAsync(ct));
        IReadOnlyList<Machine> loaded = await db.Machines.ListForDisplayAsync(ct);
        await Timing.MeasureAsync("render only", warmups, repetitions, () => MachineJson.RenderListAsync(loaded, context, new CountingStream(), ct));
        loaded = [];
        await Timing.MeasureAsync("store list + render (GET machines/ minus HTTP)", warmups, repetitions, async () =>
        {
            IReadOnlyList<Machine> machines = await db.Machines.ListForDisplayAsync(ct);
            await MachineJson.RenderListAsync(machines, context, new CountingStream(), ct);
        });
        Report.PeakMemory("list");

        if (options.Flag("http"))
        {
            await HttpList.RunAsync(db, count, warmups, repetitions, ct);
        }
    }
}
