using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power;
using Ingot.Power.Redfish;
using Ingot.Sim.Redfish;

namespace Ingot.Benchmarks;

/// <summary>
/// Power query of N Redfish BMCs (one virtual Redfish service in this process serving N systems) through
/// Ingot's power client, <see cref="Parallelism"/> at a time, as the polling pass runs it. The service's
/// CPU is inside the process CPU figure.
/// </summary>
internal static class PowerQueryBenchmark
{
    public const int Parallelism = 64;

    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 1000);
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = count }, ct);
        PowerDriverRegistry registry = PowerDrivers.CreateRegistry();
        var client = new PowerClient(registry, new PowerActions(TimeProvider.System, [TimeSpan.FromSeconds(1)]));
        PowerCommand[] commands = [.. Enumerable.Range(1, count).Select(i => new PowerCommand($"m{i}", RedfishSchema.Name, new Dictionary<string, string>
        {
            ["power_address"] = bmc.BaseAddress.ToString().TrimEnd('/'),
            ["power_user"] = "admin",
            ["power_pass"] = "password",
            ["node_id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, PowerRequest.None))];
        int failures = 0;
        await Timing.MeasureAsync($"power query of {count} Redfish systems, parallelism {Parallelism}", options.Number("warmups", 1), options.Number("reps", 5), async () =>
            await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (c, token) =>
            {
                if (!(await client.QueryAsync(c, token)).Succeeded)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        Report.Line($"failed queries: {failures}");
    }
}
