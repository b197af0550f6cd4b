// Ingot's DHCP service on its own, for the DHCP benchmark (benchmarks/dhcp/run.sh).
//
//   Ingot.Benchmarks.Dhcp serve IFACE DATABASE CIDR FIRST LAST
//   Ingot.Benchmarks.Dhcp inprocess COUNT DATABASE CIDR FIRST LAST   (no sockets: the server's own work, see InProcess.cs)
//
// Runs DhcpService (the class `ingot serve --boot-interface IFACE` runs) on IFACE, authoritative, with
// one subnet CIDR whose dynamic range is FIRST..LAST (a FixedDhcpConfigurationSource instead of IPAM)
// and the real lease store (Ingot.Data's DhcpLeaseStore) on the SQLite file DATABASE, migrated first,
// WAL mode as the host uses it. Logs at Warning and above, so per-packet Information lines are off,
// as the benchmark turns them off for Kea and dnsmasq too. On SIGTERM/SIGINT it stops the service
// (which flushes pending leases) and prints how many leases the store holds.
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Ingot.Benchmarks.Dhcp;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Ingot.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

bool inProcess = args is ["inprocess", _, _, _, _, _];
if (args is not [_, string iface, string database, string cidr, string first, string last] || !(inProcess || args[0] == "serve"))
{
    Console.Error.WriteLine("usage: Ingot.Benchmarks.Dhcp serve IFACE DATABASE CIDR FIRST LAST | inprocess COUNT DATABASE CIDR FIRST LAST");
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

// "-" (in-process only) means no store; the migrated database is then a throwaway temp file.
string databaseFile = database == "-" ? Path.Combine(Path.GetTempPath(), $"ingot-dhcp-bench-{Environment.ProcessId}.db") : database;
await using ServiceProvider services = new ServiceCollection().AddIngotData(databaseFile).BuildServiceProvider();
await services.GetRequiredService<IngotDatabase>().MigrateAsync(CancellationToken.None);
IDhcpLeaseStore store = services.GetRequiredService<IDhcpLeaseStore>();

var network = IPNetwork.Parse(cidr);
var subnet = new DhcpSubnet(
    network,
    Gateway: null,
    DnsServers: [],
    DomainName: "",
    DynamicRanges: [new AddressRange(IPAddress.Parse(first), IPAddress.Parse(last))],
    ReservedRanges: [],
    LeaseTime: TimeSpan.FromHours(1));
var configuration = new FixedDhcpConfigurationSource(new DhcpConfiguration([subnet], []));

if (inProcess)
{
    await InProcess.RunAsync(database == "-" ? new NoLeaseStore() : store, await configuration.GetAsync(CancellationToken.None), int.Parse(iface, CultureInfo.InvariantCulture));
    return 0;
}

// Warm-up: a long-running `ingot serve` answers with code the JIT has long since optimised; a process
// started for a 10 s run would spend its first seconds compiling. So the same server code first runs
// 20,000 exchanges in process, on a throwaway server and SQLite file (the real store, the real table),
// before the measured server starts empty. Kea and dnsmasq are compiled ahead of time and need none.
// WARMUP=N in the environment changes the count (0: none, to see what the JIT's start costs).
int warmUp = int.TryParse(Environment.GetEnvironmentVariable("WARMUP"), CultureInfo.InvariantCulture, out int n) ? n : 20_000;
string warmFile = Path.Combine(Path.GetTempPath(), $"ingot-dhcp-warm-{Environment.ProcessId}.db");
await using (ServiceProvider warm = new ServiceCollection().AddIngotData(warmFile).BuildServiceProvider())
{
    await warm.GetRequiredService<IngotDatabase>().MigrateAsync(CancellationToken.None);
    if (warmUp > 0)
    {
        await InProcess.RunAsync(warm.GetRequiredService<IDhcpLeaseStore>(), await configuration.GetAsync(CancellationToken.None), warmUp, quiet: true);
    }
}

foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(warmFile) + "*"))
{
    File.Delete(file);
}

using ILoggerFactory loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
using var service = new DhcpService(new BootInterfaces([iface]), DhcpServerSettings.Default, configuration, store, TimeProvider.System, loggers);
await service.StartAsync(CancellationToken.None);
Console.WriteLine($"serving {cidr} range {first}-{last} on {iface}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

await service.StopAsync(CancellationToken.None);
IReadOnlyList<DhcpLease> stored = await store.ListAsync(CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped; {stored.Count} leases stored"));
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
