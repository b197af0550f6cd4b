// Ingot's benchmarks (benchmarks/README.md). Not tests: each prints medians, min and max of a few
// repetitions after warm-up, and the process's peak memory.
//
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- list     [--machines 10000] [--reps N] [--warmups N] [--http | --http-only] [--postgres CONN]
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- lists    [--machines 10000] [--reps N] [--warmups N] [--postgres CONN] (machines/, list_allocated, nodes/, tag machines, first list after a start)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- read     [--machines 10000] [--reps N] [--postgres CONN]
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- allocate [--machines 1000] [--ready 50] [--requests 200] [--reps N] [--postgres CONN]
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- accept-all [--machines 1000] [--new 134] [--writers 8] [--reps N] [--postgres CONN]
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- power    [--machines 1000] [--reps N] (Redfish power query through the virtual BMC)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- power --ipmi [--machines 50] [--parallelism 64] [--reps N] (ipmi_sim BMCs through FreeIPMI)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- power-rate [--machines 2000] [--fleet 0] [--later 500] [--timeout S] [--postgres CONN] (accept_all, then the power executor powers them on through the virtual Redfish service)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- storm [--machines 1000] [--timing-only] [--failures PCT] [--timeout S] [--keep] (simulated machines power on at once against ingot serve)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- lease-sync [--leases 10000] [--no-index] [--reps N] [--postgres CONN] (the DHCP lease sync's read of recent leases)
//   dotnet run -c Release --project benchmarks/Ingot.Benchmarks -- inventory [--count 1000] [--reps N] (commissioning output and tag definitions, per machine)
//
// Without --postgres (or INGOT_BENCH_POSTGRES) each run uses a fresh SQLite file; with it, a fresh
// database on that server. Both are removed afterwards unless --keep.
using Ingot.Benchmarks;

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var stop = new StopSignals(Console.Error);
try
{
    return await RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
{
    Console.Error.WriteLine("stopped by a signal");
    return stop.ExitCode;
}

static async Task<int> RunAsync(Options options, CancellationToken ct)
{
    switch (options.Command)
    {
        case "list":
            await ListBenchmark.RunAsync(options, ct);
            return 0;
        case "lists":
            await ListsBenchmark.RunAsync(options, ct);
            return 0;
        case "read":
            await ReadBenchmark.RunAsync(options, ct);
            return 0;
        case "allocate":
            return await AllocateBenchmark.RunAsync(options, ct);
        case "accept-all":
            return await AcceptAllBenchmark.RunAsync(options, ct);
        case "power" when options.Flag("ipmi"):
            return await IpmiPowerQueryBenchmark.RunAsync(options, ct);
        case "power":
            await PowerQueryBenchmark.RunAsync(options, ct);
            return 0;
        case "power-rate":
            return await PowerRateBenchmark.RunAsync(options, ct);
        case "storm":
            return await Ingot.Benchmarks.Storm.StormBenchmark.RunAsync(options, ct);
        case "lease-sync":
            await LeaseSyncBenchmark.RunAsync(options, ct);
            return 0;
        case "inventory":
            await InventoryBenchmark.RunAsync(options, ct);
            return 0;
        default:
            Console.Error.WriteLine("usage: Ingot.Benchmarks list|lists|read|allocate|accept-all|power|power-rate|inventory|storm|lease-sync [--ipmi] [--machines N] [--parallelism N] [--reps N] [--warmups N] [--postgres CONN] [--http] [--keep]");
            return 2;
    }
}
