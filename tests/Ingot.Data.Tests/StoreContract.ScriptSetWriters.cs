using System.Text;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

/// <summary>
/// Script sets are compare-and-set like machines: two writers of one set conflict, a machine save that
/// carries a set writes both or neither, and concurrent signals of one machine from two hosts on one
/// database (two regions) lose no result and turn none back to RUNNING.
/// </summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task Two_writers_of_one_script_set_conflict_and_the_loser_writes_nothing()
    {
        await using DataServices data = Database.Open();
        (Machine machine, ScriptSet set) = await CommissioningWithSetAsync(data);
        ScriptSet first = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        ScriptSet second = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;

        first.Results[0].Status = ScriptStatus.Passed;
        await data.ScriptResults.SaveSetAsync(first, Ct);
        second.Results[1].Status = ScriptStatus.Failed;
        second.Results.Add(new ScriptResult { Name = "added-by-loser", Status = ScriptStatus.Passed, Created = Now, Updated = Now });
        long secondVersion = second.Version;
        await Assert.ThrowsAsync<MachineConflictException>(() => data.ScriptResults.SaveSetAsync(second, Ct));

        Assert.Equal(secondVersion, second.Version);
        Assert.Equal(0, second.Results[^1].Id);
        ScriptSet stored = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        Assert.Equal(ScriptStatus.Passed, stored.Results[0].Status);
        Assert.Equal(ScriptStatus.Pending, stored.Results[1].Status);
        Assert.DoesNotContain(stored.Results, r => r.Name == "added-by-loser");
        Assert.Equal(first.Version, stored.Version);
        Assert.Equal(machine.SystemId, stored.SystemId);
    }

    [Fact]
    public async Task A_machine_save_carrying_a_script_set_saved_meanwhile_writes_neither()
    {
        await using DataServices data = Database.Open();
        (Machine read, ScriptSet set) = await CommissioningWithSetAsync(data);
        Machine machine = (await data.Machines.FindAsync(read.SystemId, Ct))!;
        ScriptSet stale = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        ScriptSet other = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        other.Results[0].Status = ScriptStatus.Running;
        await data.ScriptResults.SaveSetAsync(other, Ct);

        machine.Description = "written with a stale set";
        stale.Results[1].Status = ScriptStatus.Passed;
        long machineVersion = machine.Version;
        await Assert.ThrowsAsync<MachineConflictException>(() => data.Machines.SaveAsync(machine, [stale], Ct));

        Assert.Equal(machineVersion, machine.Version);
        Machine storedMachine = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((machineVersion, ""), (storedMachine.Version, storedMachine.Description));
        ScriptSet storedSet = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        Assert.Equal([ScriptStatus.Running, ScriptStatus.Pending], storedSet.Results.Take(2).Select(r => r.Status));

        // From a fresh read the same save goes through, both rows together.
        storedMachine.Description = "written with a fresh set";
        storedSet.Results[1].Status = ScriptStatus.Passed;
        await data.Machines.SaveAsync(storedMachine, [storedSet], Ct);
        Assert.Equal("written with a fresh set", (await data.Machines.FindAsync(machine.SystemId, Ct))!.Description);
        Assert.Equal(ScriptStatus.Passed, (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!.Results[1].Status);
    }

    [Fact]
    public async Task Concurrent_signals_of_one_machine_from_two_hosts_lose_no_result_and_regress_none()
    {
        await using DataServices left = Database.Open();
        await using DataServices right = Database.Open();
        (Machine machine, ScriptSet set) = await CommissioningWithSetAsync(left);
        // The system clock: a lost signal waits a few real milliseconds before it reads again (ConflictRetry).
        MachineSignals[] hosts = [new(left.Machines, left.ScriptResults, TimeProvider.System), new(right.Machines, right.ScriptResults, TimeProvider.System)];
        string[] names = [.. set.Results.Select(r => r.Name)];
        Assert.True(names.Length >= 4, $"the commissioning set has {names.Length} scripts");

        // Every script of the set runs at once (one parallel group): each signals RUNNING and then its
        // result, alternately through either host, all started together.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] scripts = [.. names.Select((name, i) => Task.Run(async () =>
        {
            await start.Task;
            await hosts[i % 2].SignalAsync(machine.SystemId, new SignalRequest("WORKING", Name: name), Ct);
            byte[] output = Encoding.UTF8.GetBytes($"output of {name}");
            await hosts[(i + 1) % 2].SignalAsync(
                machine.SystemId,
                new SignalRequest("WORKING", ExitStatus: 0, Uploads: [new ScriptUpload(name, output, output, [], null)]),
                Ct);
        }))];
        start.SetResult();
        await Task.WhenAll(scripts);

        ScriptSet stored = (await left.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        Assert.Equal(names.Order(), stored.Results.Select(r => r.Name).Order());
        Assert.All(stored.Results, r => Assert.Equal((r.Name, ScriptStatus.Passed), (r.Name, r.Status)));
        Assert.All(stored.Results, r => Assert.Equal($"output of {r.Name}", Encoding.UTF8.GetString(r.Stdout)));
        Assert.Equal(MachineStatus.Commissioning, (await right.Machines.FindAsync(machine.SystemId, Ct))!.Status);
    }

    [Fact]
    public async Task Saving_one_set_object_again_writes_a_result_changed_back_to_how_it_was_read()
    {
        // A save writes only the results changed since the read. The same set object saved twice, a result
        // changed in the first save and put back as it was read in the second: the row must follow both.
        await using DataServices data = Database.Open();
        (_, ScriptSet added) = await CommissioningWithSetAsync(data);
        ScriptSet set = (await data.ScriptResults.FindSetByIdAsync(added.Id, Ct))!;
        ScriptResult result = set.Results[1];
        (ScriptStatus status, byte[] stdout) = (result.Status, result.Stdout);

        result.Status = ScriptStatus.Passed;
        result.Stdout = Encoding.UTF8.GetBytes("first save");
        await data.ScriptResults.SaveSetAsync(set, Ct);
        ScriptSet afterFirst = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;
        Assert.Equal((ScriptStatus.Passed, "first save"), (afterFirst.Results[1].Status, Encoding.UTF8.GetString(afterFirst.Results[1].Stdout)));

        (result.Status, result.Stdout) = (status, stdout);
        set.Results[0].Stderr = Encoding.UTF8.GetBytes("second save");
        await data.ScriptResults.SaveSetAsync(set, Ct);
        ScriptSet stored = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!;

        Assert.Equal(status, stored.Results[1].Status);
        Assert.Equal(stdout, stored.Results[1].Stdout);
        Assert.Equal("second save", Encoding.UTF8.GetString(stored.Results[0].Stderr));
        Assert.All(stored.Results.Skip(2), r => Assert.Equal(ScriptStatus.Pending, r.Status));
        Assert.Equal(set.Version, stored.Version);
    }

    [Fact]
    public async Task A_signal_given_a_machine_read_before_another_writer_saved_it_runs_again_on_a_fresh_read()
    {
        // The metadata API hands the signal the machine it read to authenticate the request. If a power-state
        // save lands in between, the signal's save must lose its compare-and-set and run again from a fresh
        // read: the power state is kept and the result stored, as with a signal that reads for itself.
        await using DataServices data = Database.Open();
        (Machine machine, ScriptSet set) = await CommissioningWithSetAsync(data);
        string name = set.Results[0].Name;
        Machine read = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Machine other = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        other.PowerState = PowerState.On;
        await data.Machines.SaveAsync(other, Ct);

        var signals = new MachineSignals(data.Machines, data.ScriptResults, TimeProvider.System);
        byte[] output = Encoding.UTF8.GetBytes("output");
        await signals.SignalAsync(machine.SystemId, new SignalRequest("WORKING", Name: name), read, Ct);
        await signals.SignalAsync(
            machine.SystemId,
            new SignalRequest("WORKING", ExitStatus: 0, Uploads: [new ScriptUpload(name, output, output, [], null)]),
            (await data.Machines.FindAsync(machine.SystemId, Ct))!,
            Ct);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((MachineStatus.Commissioning, PowerState.On), (stored.Status, stored.PowerState));
        Assert.Equal(other.Version + 2, stored.Version);
        ScriptResult result = (await data.ScriptResults.FindSetByIdAsync(set.Id, Ct))!.Results.Single(r => r.Name == name);
        Assert.Equal((ScriptStatus.Passed, "output"), (result.Status, Encoding.UTF8.GetString(result.Stdout)));
    }

    [Fact]
    public async Task A_signal_given_another_machine_than_the_one_it_names_is_refused_and_changes_nothing()
    {
        await using DataServices data = Database.Open();
        (Machine machine, _) = await CommissioningWithSetAsync(data);
        (Machine another, _) = await CommissioningWithSetAsync(data);
        Machine wrong = (await data.Machines.FindAsync(another.SystemId, Ct))!;
        var signals = new MachineSignals(data.Machines, data.ScriptResults, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => signals.SignalAsync(machine.SystemId, new SignalRequest("FAILED"), wrong, Ct));

        Assert.Equal(MachineStatus.Commissioning, (await data.Machines.FindAsync(machine.SystemId, Ct))!.Status);
        Assert.Equal(MachineStatus.Commissioning, (await data.Machines.FindAsync(another.SystemId, Ct))!.Status);
    }

    /// <summary>A COMMISSIONING machine and its commissioning set (the built-ins, every one pending).</summary>
    private async Task<(Machine Machine, ScriptSet Set)> CommissioningWithSetAsync(DataServices data)
    {
        Machine machine = TestMachines.Ready(Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now);
        await data.Machines.AddAsync(machine, Ct);
        ScriptSet set = await new ScriptSets(data.ScriptResults, Time).CurrentAsync(machine, ScriptSetKind.Commissioning, Ct);
        Assert.True(set.Results.Count >= 2, "the commissioning set has results");
        return (machine, set);
    }
}
