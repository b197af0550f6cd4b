using System.Diagnostics;
using System.Globalization;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Regions;
using Ingot.Core.Users;
using Ingot.Data.Regions;
using Ingot.Hosting;
using Ingot.Power;
using Ingot.Power.Redfish;
using Ingot.Sim.Redfish;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>power-rate</c>: N NEW machines behind one virtual Redfish service (in this process, one system per
/// machine, addressed by <c>node_id</c> as the storm's are) among F fleet machines are accepted at once
/// (<see cref="MachineOperations.AcceptAllAsync"/>, timed), and Ingot's real <see cref="PowerExecutorService"/>
/// with the real power client and MAAS's wait policy carries out their power-ons against the store. Prints
/// the power-ons recorded per second (the machine saved as on, its claim settled) and, while the executor is
/// busy, the time of a second accept_all of K more NEW machines. Uses only the executor's and the power
/// client's defaults, so the same file measures any commit (before/after).
/// </summary>
internal static class PowerRateBenchmark
{
    private static readonly MachineQuery s_light = new() { Statuses = [MachineStatus.Commissioning], PowerParameters = false, Hardware = false };

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 2_000);
        int fleet = options.Number("fleet", 0);
        int later = options.Number("later", 500);
        var limit = TimeSpan.FromSeconds(options.Number("timeout", 600));
        await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = count + later }, ct);
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (fleet > 0)
        {
            await Fleet.SeedAsync(db.Database, db.Secrets, fleet, 0, now, ct);
        }

        await AddNewAsync(db.Machines, bmc, 0, count, now, ct);
        var operations = new MachineOperations(db.Machines, TimeProvider.System, LifecycleSettings.Default);
        Actor admin = Actor.User("admin", isAdmin: true);
        var queue = new PendingPowerRequests();
        var client = new PowerClient(PowerDrivers.CreateRegistry(), new PowerActions(TimeProvider.System));
        using var executor = new PowerExecutorService(
            queue, db.Machines, client, new SingleRegionJobLocks(), OneRegion.Shared, TimeProvider.System, NullLogger<PowerExecutorService>.Instance);

        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<Machine> accepted = await operations.AcceptAllAsync(admin, ct);
        double acceptMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Report.Line($"power-rate on {db.Engine}: accept_all of {count} NEW among {count + fleet}: {accepted.Count} accepted in {acceptMs:0} ms (executor idle)");
        if (accepted.Count != count)
        {
            return 1;
        }

        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        started = Stopwatch.GetTimestamp();
        await executor.StartAsync(ct);
        foreach (Machine machine in accepted)
        {
            queue.Submit(machine.SystemId);
        }

        int target = count;
        bool secondDone = later == 0;
        double? at10 = null;
        double? at90 = null;
        int done = 0;
        int lastDone = -1;
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            done = await CountOnAsync(db.Machines, ct);
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            at10 ??= done >= target / 10 ? seconds : null;
            at90 ??= done >= target * 9 / 10 ? seconds : null;
            if (done / 250 != lastDone / 250)
            {
                Report.Line($"  {seconds,6:0.0} s: {done}/{target} powered on and recorded");
                lastDone = done;
            }

            if (!secondDone && done >= count / 5)
            {
                secondDone = true;
                await AddNewAsync(db.Machines, bmc, count, later, TimeProvider.System.GetUtcNow().UtcDateTime, ct);
                long second = Stopwatch.GetTimestamp();
                IReadOnlyList<Machine> more = await operations.AcceptAllAsync(admin, ct);
                Report.Line($"  accept_all of {later} NEW while the executor is busy: {more.Count} accepted in {Stopwatch.GetElapsedTime(second).TotalMilliseconds:0} ms");
                foreach (Machine machine in more)
                {
                    queue.Submit(machine.SystemId);
                }

                target += more.Count;
            }

            if (done >= target && secondDone)
            {
                break;
            }
        }

        double total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await executor.StopAsync(stop.Token);
        int onAtBmc = bmc.Systems.Values.Count(s => s.IsOn);
        string middle = at10 is { } a && at90 is { } b && b > a
            ? string.Create(CultureInfo.InvariantCulture, $"{target * 0.8 / (b - a):0.0}/s between 10% and 90%")
            : "no 10%-90% rate";
        Report.Line($"power-rate: {done}/{target} power-ons recorded in {total:0.0} s = {done / total:0.0}/s overall; {middle}; process CPU {cpu:0.0} s; systems on at the BMC {onAtBmc}; load {Load()}");
        return done >= target ? 0 : 1;
    }

    private static async Task AddNewAsync(IMachineStore machines, VirtualRedfishBmc bmc, int first, int count, DateTime now, CancellationToken ct)
    {
        for (int i = first; i < first + count; i++)
        {
            Machine machine = Machine.Create($"p{i:x7}", $"power-{i:D5}", now);
            machine.Architecture = "amd64/generic";
            machine.PowerType = RedfishSchema.Name;
            machine.PowerParameters = new()
            {
                ["power_address"] = bmc.BaseAddress.ToString().TrimEnd('/'),
                ["power_user"] = "admin",
                ["power_pass"] = "password",
                ["node_id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            };
            await machines.AddAsync(machine, ct);
        }
    }

    private static async Task<int> CountOnAsync(IMachineStore machines, CancellationToken ct) =>
        (await machines.ListAsync(s_light, ct)).Count(m => m.SystemId[0] == 'p' && m.PowerState == PowerState.On && m.ClaimedPower == PowerRequest.None);

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
