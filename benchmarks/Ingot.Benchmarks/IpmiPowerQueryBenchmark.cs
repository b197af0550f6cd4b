using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power;
using Ingot.Power.Ipmi;
using Ingot.Sim.Ipmi;

namespace Ingot.Benchmarks;

/// <summary>
/// Power query of N real OpenIPMI <c>ipmi_sim</c> BMCs on loopback (file-backed chassis control, no VMs)
/// through Ingot's power client and IPMI driver: one FreeIPMI <c>ipmipower --stat</c> process per query,
/// <c>--parallelism</c> at a time. CPU is reported for this process, for the <c>ipmipower</c> processes it
/// ran (its reaped children, <c>cutime+cstime</c>), and for the BMCs (each ipmi_sim and its chassis script).
/// </summary>
internal static class IpmiPowerQueryBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("machines", 50);
        int parallelism = options.Number("parallelism", PowerQueryBenchmark.Parallelism);
        if (!File.Exists(IpmiSimBmc.Executable))
        {
            Console.Error.WriteLine($"{IpmiSimBmc.Executable} is absent: apt-get install openipmi freeipmi-tools");
            return 2;
        }

        DirectoryInfo root = Directory.CreateTempSubdirectory("ingot-bench-ipmi-");
        var bmcs = new List<IpmiSimBmc>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                string dir = Path.Combine(root.FullName, $"bmc{i}");
                bmcs.Add(IpmiSimBmc.Start(new IpmiSimOptions($"bench{i}", FreeUdpPort()), dir));
            }

            var client = new PowerClient(
                PowerDrivers.CreateRegistry(ipmi: new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(5) }),
                new PowerActions(TimeProvider.System, [TimeSpan.FromSeconds(1)]));
            PowerCommand[] commands = [.. bmcs.Select((b, i) => new PowerCommand($"m{i}", IpmiSchema.Name, new Dictionary<string, string>
            {
                ["power_address"] = b.PowerAddress,
                ["power_user"] = b.Options.User,
                ["power_pass"] = b.Options.Password,
            }, PowerRequest.None))];
            await WaitUntilAnsweringAsync(client, commands, ct);

            int failures = 0;
            (double Self, double Children) before = OwnCpu();
            double bmcBefore = BmcCpu(bmcs);
            int reps = options.Number("reps", 5);
            int warmups = options.Number("warmups", 1);
            await Timing.MeasureAsync($"power query of {count} ipmi_sim BMCs through FreeIPMI, parallelism {parallelism}", warmups, reps, async () =>
                await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (c, token) =>
                {
                    if ((await client.QueryAsync(c, token)) is not { Succeeded: true, State: PowerState.Off })
                    {
                        Interlocked.Increment(ref failures);
                    }
                }));
            (double Self, double Children) after = OwnCpu();
            double bmcAfter = BmcCpu(bmcs);
            int passes = warmups + reps;
            Report.Line($"CPU per pass (mean of {passes}, warm-up included): Ingot process {(after.Self - before.Self) / passes:0} ms, ipmipower processes {(after.Children - before.Children) / passes:0} ms, {count} ipmi_sim BMCs {(bmcAfter - bmcBefore) / passes:0} ms");
            Report.Line($"failed queries: {failures}");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (IpmiSimBmc bmc in bmcs)
            {
                await bmc.DisposeAsync();
            }

            root.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilAnsweringAsync(PowerClient client, PowerCommand[] commands, CancellationToken ct)
    {
        foreach (PowerCommand command in commands)
        {
            PowerOutcome outcome = new(PowerState.Unknown);
            for (int attempt = 0; attempt < 50 && outcome.State != PowerState.Off; attempt++)
            {
                outcome = await client.QueryAsync(command, ct);
                if (outcome.State != PowerState.Off)
                {
                    await Task.Delay(100, ct);
                }
            }

            if (outcome.State != PowerState.Off)
            {
                throw new InvalidOperationException($"ipmi_sim at {command.Parameters["power_address"]} did not answer: {outcome.Error}");
            }
        }
    }

    /// <summary>This process's CPU and its reaped children's (utime+stime, cutime+cstime), in ms.</summary>
    private static (double Self, double Children) OwnCpu()
    {
        string[] f = StatFields(Environment.ProcessId)!;
        return (Ticks(f, 11) + Ticks(f, 12), Ticks(f, 13) + Ticks(f, 14));
    }

    /// <summary>The BMCs' CPU: each ipmi_sim with its reaped chassis scripts, in ms.</summary>
    private static double BmcCpu(IEnumerable<IpmiSimBmc> bmcs) =>
        bmcs.Select(b => StatFields(b.ProcessId)).Where(f => f is not null).Sum(f => Ticks(f!, 11) + Ticks(f!, 12) + Ticks(f!, 13) + Ticks(f!, 14));

    /// <summary>/proc/PID/stat after the command name: index 0 is the state (field 3), so utime (field 14) is index 11.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Clock ticks to ms (USER_HZ is 100 on Linux).</summary>
    private static double Ticks(string[] fields, int index) => double.Parse(fields[index], CultureInfo.InvariantCulture) * 10;

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
