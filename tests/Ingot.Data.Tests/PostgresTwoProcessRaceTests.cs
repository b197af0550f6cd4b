using System.Diagnostics;
using System.Reflection;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

/// <summary>
/// Two separate OS processes (Ingot.Data.RaceProbe) allocate the same READY machines on one
/// PostgreSQL database at once, several tasks per machine in each: every machine must be won
/// exactly once in total, by the owner the database ends up with, with one matching event.
/// </summary>
public sealed class PostgresTwoProcessRaceTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const int MachineCount = 20;
    private const int TasksPerMachine = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_racing_for_the_same_machines_win_each_machine_exactly_once()
    {
        database.RequireAvailable();
        await using DataServices data = database.Open();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        List<Machine> machines = [.. Enumerable.Range(0, MachineCount).Select(_ => TestMachines.Ready(now))];
        foreach (Machine machine in machines)
        {
            await data.Machines.AddAsync(machine, Ct);
        }

        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromMinutes(3));
        string[] ids = [.. machines.Select(m => m.SystemId)];
        using Process left = StartProbe("left", ids);
        using Process right = StartProbe("right", ids);
        try
        {
            await ExpectLineAsync(left, "ready", guard.Token);
            await ExpectLineAsync(right, "ready", guard.Token);
            foreach (Process probe in new[] { left, right })
            {
                await probe.StandardInput.WriteLineAsync("go");
                probe.StandardInput.Close();
            }

            string[] leftLines = await FinishAsync(left, guard.Token);
            string[] rightLines = await FinishAsync(right, guard.Token);

            Assert.Equal(MachineCount * TasksPerMachine, leftLines.Length);
            Assert.Equal(MachineCount * TasksPerMachine, rightLines.Length);
            var winners = leftLines.Concat(rightLines)
                .Select(line => line.Split(' '))
                .Where(parts => parts[0] == "won")
                .ToLookup(parts => parts[1], parts => parts[2]);
            foreach (Machine machine in machines)
            {
                string winner = Assert.Single(winners[machine.SystemId]);
                Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
                Assert.Equal((MachineStatus.Allocated, winner, 2L), (stored.Status, stored.Owner, stored.Version));
                IReadOnlyList<MachineEvent> events = await data.Machines.EventsAsync(machine.SystemId, Ct);
                MachineEvent allocated = Assert.Single(events, e => e.ToStatus == MachineStatus.Allocated);
                Assert.Equal((MachineStatus.Ready, winner), (allocated.FromStatus, allocated.Username));
                Assert.Equal(winner, Assert.Single(events, e => e.Type == EventTypes.RequestNodeAcquire.Name).Username);
            }
        }
        finally
        {
            Stop(left);
            Stop(right);
        }
    }

    /// <summary>
    /// The test database with a connect timeout of a minute: each probe opens 80 connections at the start
    /// signal, and on a loaded CI box PostgreSQL's backend start-up outlasted Npgsql's default 15 s.
    /// </summary>
    private string ProbeConnectionString => database.ConnectionString + ";Timeout=60";

    private Process StartProbe(string label, string[] systemIds)
    {
        string probe = typeof(PostgresTwoProcessRaceTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RaceProbePath").Value!;
        Assert.True(File.Exists(probe), $"The race probe was not built at {probe}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { probe, ProbeConnectionString, label, $"{TasksPerMachine}" }.Concat(systemIds))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the race probe.");
    }

    private static async Task ExpectLineAsync(Process probe, string expected, CancellationToken ct)
    {
        string? line = await probe.StandardOutput.ReadLineAsync(ct);
        if (line != expected)
        {
            string errors = await probe.StandardError.ReadToEndAsync(ct);
            Assert.Fail($"The race probe said '{line}' instead of '{expected}': {errors}");
        }
    }

    /// <summary>The probe's "won"/"lost" lines, after it exited cleanly.</summary>
    private static async Task<string[]> FinishAsync(Process probe, CancellationToken ct)
    {
        Task<string> errors = probe.StandardError.ReadToEndAsync(ct);
        string output = await probe.StandardOutput.ReadToEndAsync(ct);
        await probe.WaitForExitAsync(ct);
        Assert.True(probe.ExitCode == 0, $"The race probe exited with {probe.ExitCode}: {await errors}");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("done", lines[^1]);
        return lines[..^1];
    }

    private static void Stop(Process probe)
    {
        if (!probe.HasExited)
        {
            probe.Kill();
        }
    }
}
