// Races one process's allocations against another's on one database.
//
//   dotnet Ingot.Data.RaceProbe.dll CONNECTION_STRING LABEL TASKS_PER_MACHINE SYSTEM_ID...
//
// Prints "ready" once connected, waits for a line on stdin (the start signal), then, for every
// machine, TASKS_PER_MACHINE tasks each load it and, if it is READY, allocate it to
// "LABEL-<task>" and save. Each attempt prints "won SYSTEM_ID OWNER" or "lost SYSTEM_ID".
using System.Globalization;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Ingot.Data.RaceProbe CONNECTION_STRING LABEL TASKS_PER_MACHINE SYSTEM_ID...");
    return 2;
}

string label = args[1];
int tasksPerMachine = int.Parse(args[2], CultureInfo.InvariantCulture);
string[] systemIds = args[3..];

await using ServiceProvider services = new ServiceCollection().AddIngotData(args[0]).BuildServiceProvider();
var store = services.GetRequiredService<IMachineStore>();
TimeProvider time = TimeProvider.System;

// Warm up the connection pool and the key ring before the start signal.
_ = await store.FindAsync(systemIds[0], CancellationToken.None);
Console.WriteLine("ready");
Console.Out.Flush();
if (await Console.In.ReadLineAsync() is null)
{
    return 3;
}

var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
var attempts = systemIds
    .SelectMany(id => Enumerable.Range(0, tasksPerMachine).Select(task => (id, owner: $"{label}-{task}")))
    .Select(a => Task.Run(async () =>
    {
        Machine? machine = await store.FindAsync(a.id, CancellationToken.None);
        if (machine is null || machine.Status != MachineStatus.Ready)
        {
            lines.Enqueue($"lost {a.id}");
            return;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        machine.Record(EventTypes.RequestNodeAcquire, "acquire", now, a.owner);
        machine.TransitionTo(MachineStatus.Allocated, now, a.owner);
        machine.SetOwner(a.owner);
        try
        {
            await store.SaveAsync(machine, CancellationToken.None);
            lines.Enqueue($"won {a.id} {a.owner}");
        }
        catch (MachineConflictException)
        {
            lines.Enqueue($"lost {a.id}");
        }
    }))
    .ToArray();
await Task.WhenAll(attempts);

foreach (string line in lines)
{
    Console.WriteLine(line);
}

Console.WriteLine("done");
return 0;
