using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_machine_round_trips_every_property_including_hardware_and_power_parameters()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now, "alice");
        machine.SetStatusExpires(Now.AddMinutes(30));
        machine.SetOwner("alice");
        machine.SetLocked(true);

        await data.Machines.AddAsync(machine, Ct);
        Machine? loaded = await data.Machines.FindAsync(machine.SystemId, Ct);

        Assert.NotNull(loaded);
        Assert.NotEqual(0, loaded.Id);
        Assert.Equal(1, loaded.Version);
        Assert.Empty(loaded.PendingEvents);
        MachineAssert.Equivalent(machine, loaded);
    }

    [Fact]
    public async Task A_machine_in_the_list_is_the_machine_that_was_saved()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);

        IReadOnlyList<Machine> all = await data.Machines.ListAsync(Ct);

        MachineAssert.Equivalent(machine, Assert.Single(all, m => m.SystemId == machine.SystemId));
    }

    [Fact]
    public async Task A_power_request_is_stored_with_the_machine_until_taken()
    {
        Machine machine = TestMachines.Full(Now);
        await using (DataServices data = Database.Open())
        {
            await data.Machines.AddAsync(machine, Ct);
            machine.Stop(Actor.User("admin", isAdmin: true), Now, StopMode.Soft);
            await data.Machines.SaveAsync(machine, Ct);
        }

        // Another connection, as after a restart: the request is still there.
        await using (DataServices data = Database.Open())
        {
            Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
            Assert.Equal(PowerRequest.SoftOff, stored.RequestedPower);
            Assert.Equal(new PowerClaim(PowerRequest.SoftOff, TakenOver: false), stored.TakeRequestedPower(Now, "7", new HashSet<string> { "7" }));
            await data.Machines.SaveAsync(stored, Ct);
            Machine taken = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
            Assert.Equal((PowerRequest.None, PowerRequest.SoftOff, "7"), (taken.RequestedPower, taken.ClaimedPower, taken.PowerClaimedBy));
        }
    }

    [Fact]
    public async Task Changed_hardware_replaces_the_rows_and_kept_devices_keep_their_ids()
    {
        await using DataServices data = Database.Open();
        Machine added = TestMachines.Full(Now);
        await data.Machines.AddAsync(added, Ct);
        Machine machine = (await data.Machines.FindAsync(added.SystemId, Ct))!;
        long keptDiskId = machine.BlockDevices[0].Id;
        machine.BlockDevices.RemoveAt(1);
        machine.BlockDevices.Add(new BlockDevice { Name = "nvme0n1", SizeBytes = 1_000_204_886_016, Tags = ["ssd", "nvme"] });
        machine.BlockDevices[0].Tags.Add("boot");
        machine.Interfaces.RemoveAt(2);
        machine.Interfaces[0].MacAddress = TestMachines.NewMac();
        machine.Interfaces[0].Links = [new InterfaceLink { Mode = LinkMode.LinkUp }];
        machine.PowerParameters["power_pass"] = "rotated";

        await data.Machines.SaveAsync(machine, Ct);
        Machine reloaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;

        Assert.Equal(MachineAssert.HardwareWithoutIds(machine), MachineAssert.HardwareWithoutIds(reloaded));
        Assert.Equal(keptDiskId, reloaded.BlockDevices[0].Id);
        Assert.Equal("rotated", reloaded.PowerParameters["power_pass"]);
        Assert.Equal(2, reloaded.Version);
    }

    [Fact]
    public async Task Hardware_changed_by_another_process_between_two_saves_of_this_one_is_written_back_when_this_one_changes_it_again()
    {
        // This process saves the machine twice with unchanged hardware (the second save may skip reading
        // the rows: it knows what it saw stored). Another process (its own store) then changes a disk; this
        // one reads the machine again, puts the disk back as it was and saves: the rows must follow, though
        // the hardware now hashes as this process remembers it from before the other save.
        await using DataServices here = Database.Open();
        await using DataServices other = Database.Open();
        Machine added = TestMachines.Full(Now);
        await here.Machines.AddAsync(added, Ct);
        Machine machine = (await here.Machines.FindAsync(added.SystemId, Ct))!;
        string originalTags = string.Join(",", machine.BlockDevices[0].Tags);
        machine.SetLocked(true);
        await here.Machines.SaveAsync(machine, Ct);
        machine.SetLocked(false);
        await here.Machines.SaveAsync(machine, Ct);

        Machine elsewhere = (await other.Machines.FindAsync(added.SystemId, Ct))!;
        elsewhere.BlockDevices[0].Tags.Add("changed-elsewhere");
        await other.Machines.SaveAsync(elsewhere, Ct);

        Machine again = (await here.Machines.FindAsync(added.SystemId, Ct))!;
        Assert.Contains("changed-elsewhere", again.BlockDevices[0].Tags);
        again.BlockDevices[0].Tags.Remove("changed-elsewhere");
        await here.Machines.SaveAsync(again, Ct);

        Machine stored = (await other.Machines.FindAsync(added.SystemId, Ct))!;
        Assert.Equal(originalTags, string.Join(",", stored.BlockDevices[0].Tags));
        Assert.Equal(MachineAssert.HardwareWithoutIds(machine), MachineAssert.HardwareWithoutIds(stored));
        Assert.Equal(5, stored.Version);
    }

    [Fact]
    public async Task Saves_with_unchanged_hardware_keep_every_row_and_its_id()
    {
        await using DataServices data = Database.Open();
        Machine added = TestMachines.Full(Now);
        await data.Machines.AddAsync(added, Ct);
        Machine machine = (await data.Machines.FindAsync(added.SystemId, Ct))!;
        long[] diskIds = [.. machine.BlockDevices.Select(d => d.Id)];
        long[] interfaceIds = [.. machine.Interfaces.Select(i => i.Id)];
        for (int i = 0; i < 3; i++)
        {
            machine.SetLocked(i % 2 == 0);
            await data.Machines.SaveAsync(machine, Ct);
        }

        machine.Interfaces[0].MacAddress = TestMachines.NewMac();
        await data.Machines.SaveAsync(machine, Ct);
        Machine reloaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;

        Assert.Equal(diskIds, reloaded.BlockDevices.Select(d => d.Id));
        Assert.Equal(interfaceIds, reloaded.Interfaces.Select(i => i.Id));
        Assert.Equal(machine.Interfaces[0].MacAddress, reloaded.Interfaces[0].MacAddress);
        Assert.Equal(MachineAssert.HardwareWithoutIds(machine), MachineAssert.HardwareWithoutIds(reloaded));
    }

    [Fact]
    public async Task A_save_writes_the_pending_events_with_the_machine_and_bumps_the_version()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);
        Time.Advance(TimeSpan.FromSeconds(5));

        machine.Record(EventTypes.RequestNodeAcquire, "acquire", Now, "bob");
        machine.TransitionTo(MachineStatus.Allocated, Now, "bob");
        machine.SetOwner("bob");
        await data.Machines.SaveAsync(machine, Ct);

        Assert.Equal(2, machine.Version);
        Assert.Empty(machine.PendingEvents);
        IReadOnlyList<MachineEvent> events = await data.Machines.EventsAsync(machine.SystemId, Ct);
        Assert.Equal(
            ["NODE_CHANGED_STATUS", "NODE_CHANGED_STATUS", "REQUEST_NODE_ACQUIRE", "NODE_CHANGED_STATUS"],
            events.Select(e => e.Type));
        MachineEvent last = events[^1];
        Assert.Equal(new MachineEvent("NODE_CHANGED_STATUS", EventLevel.Info, "From 'Ready' to 'Allocated'", Now, "bob", MachineStatus.Ready, MachineStatus.Allocated) { Id = last.Id }, last);
        Assert.Equal(DateTimeKind.Utc, last.Created.Kind);
        Assert.Equal(EventLevel.Audit, events[2].Level);
    }

    [Fact]
    public async Task A_save_on_a_stale_version_conflicts_and_writes_nothing()
    {
        await using DataServices data = Database.Open();
        Machine original = TestMachines.Ready(Now);
        await data.Machines.AddAsync(original, Ct);
        Machine first = (await data.Machines.FindAsync(original.SystemId, Ct))!;
        Machine second = (await data.Machines.FindAsync(original.SystemId, Ct))!;
        first.Hostname = "first";
        await data.Machines.SaveAsync(first, Ct);

        second.Hostname = "second";
        second.TransitionTo(MachineStatus.Allocated, Now, "mallory");
        second.Record(EventTypes.RequestNodeAcquire, "acquire", Now, "mallory");
        var conflict = await Assert.ThrowsAsync<MachineConflictException>(() => data.Machines.SaveAsync(second, Ct));

        Assert.Equal(original.SystemId, conflict.SystemId);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(1, second.Version);
        Assert.Equal(2, second.PendingEvents.Count);
        Machine stored = (await data.Machines.FindAsync(original.SystemId, Ct))!;
        Assert.Equal("first", stored.Hostname);
        Assert.Equal(MachineStatus.Ready, stored.Status);
        Assert.Equal(2, stored.Version);
        Assert.DoesNotContain(await data.Machines.EventsAsync(original.SystemId, Ct), e => e.Username == "mallory");
    }

    [Fact]
    public async Task SaveAll_writes_every_machine_or_none_of_them()
    {
        await using DataServices data = Database.Open();
        Machine a = TestMachines.Ready(Now);
        Machine b = TestMachines.Ready(Now);
        await data.Machines.AddAsync(a, Ct);
        await data.Machines.AddAsync(b, Ct);
        Machine staleB = (await data.Machines.FindAsync(b.SystemId, Ct))!;
        b.Hostname = "moved-on";
        await data.Machines.SaveAsync(b, Ct);

        a.Hostname = "bulk-a";
        a.Record(EventTypes.RequestNodeLock, "bulk", Now, "carol");
        staleB.Hostname = "bulk-b";
        var conflict = await Assert.ThrowsAsync<MachineConflictException>(() => data.Machines.SaveAllAsync([a, staleB], Ct));

        Assert.Equal(b.SystemId, conflict.SystemId);
        Assert.Equal(1, a.Version);
        Machine storedA = (await data.Machines.FindAsync(a.SystemId, Ct))!;
        Assert.Equal($"ready-{a.SystemId}", storedA.Hostname);
        Assert.Equal(1, storedA.Version);
        Assert.DoesNotContain(await data.Machines.EventsAsync(a.SystemId, Ct), e => e.Username == "carol");

        await data.Machines.SaveAllAsync([a, b], Ct);

        Assert.Equal("bulk-a", (await data.Machines.FindAsync(a.SystemId, Ct))!.Hostname);
        Assert.Equal((2L, 3L), (a.Version, b.Version));
        Assert.Contains(await data.Machines.EventsAsync(a.SystemId, Ct), e => e.Username == "carol");
    }

    [Fact]
    public async Task SaveAll_from_a_process_that_never_saved_them_rewrites_only_the_hardware_that_changed()
    {
        await using DataServices data = Database.Open();
        Machine a = TestMachines.Full(Now);
        Machine b = TestMachines.Full(Now);
        Machine c = TestMachines.Full(Now);
        await data.Machines.AddAsync(a, Ct);
        await data.Machines.AddAsync(b, Ct);
        await data.Machines.AddAsync(c, Ct);

        // Another process (nothing remembered of these machines' rows): the stored rows of all three are read
        // together, and each machine is compared with its own.
        await using DataServices other = Database.Open();
        var loaded = (await other.Machines.ListAsync(Ct)).Where(m => m.SystemId == a.SystemId || m.SystemId == b.SystemId || m.SystemId == c.SystemId).ToList();
        Machine a2 = loaded.Single(m => m.SystemId == a.SystemId), b2 = loaded.Single(m => m.SystemId == b.SystemId), c2 = loaded.Single(m => m.SystemId == c.SystemId);
        long[] bDisks = [.. b2.BlockDevices.Select(d => d.Id)];
        long[] bInterfaces = [.. b2.Interfaces.Select(i => i.Id)];
        a2.BlockDevices[1].Model = "WDC replaced";
        c2.Interfaces.RemoveAt(c2.Interfaces.Count - 1);
        foreach (Machine m in loaded)
        {
            m.Hostname = $"batch-{m.SystemId}";
        }

        await other.Machines.SaveAllAsync([a2, b2, c2], Ct);

        await using DataServices fresh = Database.Open();
        foreach (Machine saved in new[] { a2, b2, c2 })
        {
            Machine stored = (await fresh.Machines.FindAsync(saved.SystemId, Ct))!;
            MachineAssert.Equivalent(saved, stored);
        }

        Machine storedB = (await fresh.Machines.FindAsync(b.SystemId, Ct))!;
        Assert.Equal(bDisks, storedB.BlockDevices.Select(d => d.Id));
        Assert.Equal(bInterfaces, storedB.Interfaces.Select(i => i.Id));
        Assert.Equal("WDC replaced", (await fresh.Machines.FindAsync(a.SystemId, Ct))!.BlockDevices[1].Model);
        Assert.Equal(b.Interfaces.Count - 1, (await fresh.Machines.FindAsync(c.SystemId, Ct))!.Interfaces.Count);
    }

    [Fact]
    public async Task Delete_checks_the_version_and_removes_the_machine_with_its_hardware()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);
        Machine stale = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        machine.Hostname = $"renamed-{machine.SystemId}";
        await data.Machines.SaveAsync(machine, Ct);

        await Assert.ThrowsAsync<MachineConflictException>(() => data.Machines.DeleteAsync(stale, Ct));
        Assert.NotNull(await data.Machines.FindAsync(machine.SystemId, Ct));

        machine.Record(EventTypes.Audit, "Deleted machine", Now, "admin");
        await data.Machines.DeleteAsync(machine, Ct);

        Assert.Null(await data.Machines.FindAsync(machine.SystemId, Ct));
        Assert.Null(await data.Machines.FindByMacAsync(machine.Interfaces[0].MacAddress, Ct));
        Assert.Contains(await data.Machines.EventsAsync(machine.SystemId, Ct), e => e.Description == "Deleted machine");
    }

    [Fact]
    public async Task Adding_a_second_machine_with_the_same_system_id_fails()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);

        Machine twin = Machine.Create(machine.SystemId, "twin", Now);
        await Assert.ThrowsAsync<InvalidOperationException>(() => data.Machines.AddAsync(twin, Ct));

        Assert.Equal(0, twin.Version);
        Assert.Equal(machine.Hostname, (await data.Machines.FindAsync(machine.SystemId, Ct))!.Hostname);
    }

    [Fact]
    public async Task A_machine_marked_failed_by_the_system_stores_the_failure_and_its_event()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now);
        await data.Machines.AddAsync(machine, Ct);

        machine.MarkFailed("broken fan", Now, Actor.System);
        await data.Machines.SaveAsync(machine, Ct);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((MachineStatus.FailedCommissioning, MachineStatus.Commissioning, "broken fan"), (stored.Status, stored.PreviousStatus, stored.ErrorDescription));
        Assert.Contains(await data.Machines.EventsAsync(machine.SystemId, Ct), e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM" && e.Description == "broken fan");
    }
}
