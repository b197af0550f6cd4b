using System.Buffers;
using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Benchmarks;

/// <summary><c>read</c>: one machine found by system_id among N and rendered (the server's work for GET machines/{id}/).</summary>
internal static class ReadBenchmark
{
    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 10_000);
        int repetitions = options.Number("reps", 500);
        int warmups = options.Number("warmups", 50);
        await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
        Report.Line($"read: 1 of {count} machines on {db.Engine}");
        await Fleet.SeedAsync(db.Database, db.Secrets, count, ready: count / 20, TimeProvider.System.GetUtcNow().UtcDateTime, ct);

        var context = new MachineJsonContext();
        var random = new Random(3);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await Timing.MeasureAsync("find + render one machine", warmups, repetitions, async () =>
        {
            Machine machine = await db.Machines.FindAsync(Fleet.SystemId(random.Next(count)), ct)
                ?? throw new InvalidOperationException("A seeded machine was not found.");
            buffer.ResetWrittenCount();
            MachineJson.Render(machine, context, buffer);
        });
        Report.PeakMemory("read");
    }
}
