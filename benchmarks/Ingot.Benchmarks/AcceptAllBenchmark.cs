using System.Diagnostics;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>accept-all</c>: <see cref="MachineOperations.AcceptAllAsync"/> on a store of N machines (the
/// fleet, with hardware) of which NEW are freshly enlisted, while W writers save power states of other
/// machines in a loop (as the power executor and the status webhook do during a storm). Prints the
/// call's time and, for the breakdown, one read of every machine and one of the NEW ones.
/// Each repetition uses a fresh database.
/// </summary>
internal static class AcceptAllBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 1_000);
        int fresh = options.Number("new", 134);
        int writers = options.Number("writers", 8);
        int repetitions = options.Number("reps", 3);
        var accepts = new List<double>();
        var listAll = new List<double>();
        var listNew = new List<double>();
        string engine = "";
        for (int rep = 0; rep < repetitions; rep++)
        {
            await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
            engine = db.Engine;
            DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
            await Fleet.SeedAsync(db.Database, db.Secrets, count, 0, now, ct);
            for (int i = 0; i < fresh; i++)
            {
                Machine machine = Machine.Create($"n{i:x7}", $"new-{i:D5}", now);
                machine.Architecture = "amd64/generic";
                machine.PowerType = "ipmi";
                machine.PowerParameters = new() { ["power_address"] = $"172.16.{i >> 8}.{i & 255}", ["power_user"] = "maas", ["power_pass"] = "x" };
                await db.Machines.AddAsync(machine, ct);
            }

            var operations = new MachineOperations(db.Machines, TimeProvider.System, LifecycleSettings.Default);
            listAll.Add(await TimeAsync(() => db.Machines.ListAsync(ct)));
            listNew.Add(await TimeAsync(() => db.Machines.ListAsync(new MachineQuery { Statuses = [MachineStatus.New], PowerParameters = false }, ct)));

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Task<int>[] writing = [.. Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(db.Machines, count, w, stop.Token), CancellationToken.None))];
            long started = Stopwatch.GetTimestamp();
            IReadOnlyList<Machine> accepted = await operations.AcceptAllAsync(Actor.User("admin", isAdmin: true), ct);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await stop.CancelAsync();
            int saves = (await Task.WhenAll(writing)).Sum();
            Report.Line($"accept-all #{rep + 1}: {accepted.Count}/{fresh} accepted among {count + fresh}, {elapsed:0} ms; {saves} power-state saves by {writers} writers meanwhile");
            if (accepted.Count != fresh)
            {
                return 1;
            }

            accepts.Add(elapsed);
        }

        Report.Line($"accept-all on {engine}: {fresh} NEW among {count + fresh} with {writers} writers: median {Timing.Summary.Of(accepts).Median:0} ms (n={repetitions})");
        Report.Line($"  one read of every machine: median {Timing.Summary.Of(listAll).Median:0} ms; of the NEW ones only: median {Timing.Summary.Of(listNew).Median:0} ms");
        Report.PeakMemory("accept-all");
        return 0;
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> read)
    {
        long started = Stopwatch.GetTimestamp();
        await read();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<int> WriteAsync(IMachineStore machines, int count, int writer, CancellationToken ct)
    {
        int saves = 0;
        var random = new Random(writer);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Machine? machine = await machines.FindAsync(Fleet.SystemId(random.Next(count)), ct);
                if (machine is null)
                {
                    continue;
                }

                machine.PowerState = machine.PowerState == PowerState.On ? PowerState.Off : PowerState.On;
                await machines.SaveAsync(machine, ct);
                saves++;
            }
            catch (MachineConflictException)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return saves;
    }
}
