using System.Diagnostics;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Users;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>allocate</c>: R concurrent <see cref="MachineOperations.AllocateAsync"/> calls (each a different
/// user, no constraints) for the READY machines among N; checks that exactly as many allocations as
/// READY machines succeed, that none is shared, and that the rest get "No machine available.".
/// Each repetition uses a fresh database.
/// </summary>
internal static class AllocateBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 1_000);
        int ready = options.Number("ready", 50);
        int requests = options.Number("requests", 200);
        int repetitions = options.Number("reps", 5);
        var samples = new List<double>();
        string engine = "";
        for (int rep = 0; rep < repetitions; rep++)
        {
            await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
            engine = db.Engine;
            await Fleet.SeedAsync(db.Database, db.Secrets, count, ready, TimeProvider.System.GetUtcNow().UtcDateTime, ct);
            var operations = new MachineOperations(db.Machines, TimeProvider.System, LifecycleSettings.Default);
            // Warm up as a running server is: JIT, the key ring, and a connection pool as wide as the crowd.
            await Task.WhenAll(Enumerable.Range(0, Math.Min(requests, 64)).Select(i => db.Machines.FindAsync(Fleet.SystemId(i), ct)));

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<string?>[] attempts = [.. Enumerable.Range(0, requests).Select(i => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    Allocation allocation = await operations.AllocateAsync(Actor.User($"user-{i}"), AllocationRequest.Empty, ct);
                    return allocation.Machine.SystemId;
                }
                catch (MachineOperationException e) when (e.Message == "No machine available.")
                {
                    return null;
                }
            }, ct))];
            long started = Stopwatch.GetTimestamp();
            start.SetResult();
            string?[] outcomes = await Task.WhenAll(attempts);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            string[] won = [.. outcomes.OfType<string>()];
            int allocated = (await db.Machines.ListAsync(ct)).Count(m => m.Status == MachineStatus.Allocated);
            bool exact = won.Length == ready && won.Distinct().Count() == ready && allocated == ready;
            Report.Line($"allocate #{rep + 1}: {requests} requests, {won.Length} allocations ({won.Distinct().Count()} distinct, {allocated} ALLOCATED in the store), {elapsed:0} ms{(exact ? "" : "  <-- WRONG COUNT")}");
            if (!exact)
            {
                return 1;
            }

            samples.Add(elapsed);
        }

        var summary = Timing.Summary.Of(samples);
        Report.Line($"allocate on {engine}: {requests} concurrent requests for {ready} READY among {count}: median {summary.Median:0} ms, min {summary.Min:0} ms, max {summary.Max:0} ms (n={repetitions})");
        Report.PeakMemory("allocate");
        return 0;
    }
}
