// Ingot's TFTP server on its own, and a client for the TFTP benchmark (benchmarks/tftp/run.sh).
//
//   Ingot.Benchmarks.Tftp serve DIR PORT [SECONDS]            serve every file in DIR on 127.0.0.1:PORT until stopped;
//                                                             with SECONDS, starve the thread pool that long first
//   Ingot.Benchmarks.Tftp sims N PORT FILE                    N of the sim's PXE ROM clients at once (blksize 8192)
//   Ingot.Benchmarks.Tftp get PORT FILE [BLKSIZE] [WINDOWSIZE] fetch FILE once; prints "<bytes> <seconds> <sha256>"
//   Ingot.Benchmarks.Tftp many N PORT FILE BLKSIZE WINDOWSIZE N fetches at once; prints one such line per fetch
using System.Net;
using Ingot.Benchmarks.Tftp;
using Ingot.Boot.Tftp;
using Microsoft.Extensions.Logging.Abstractions;

var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

switch (args)
{
    case ["serve", string directory, string port, .. string[] starve]:
        if (starve is [string seconds])
        {
            // Starve the thread pool as storm4's SQLite busy waits did: for SECONDS, a work item every 20 ms
            // that blocks its thread for 0.5-3 s.
            var until = TimeProvider.System.GetUtcNow().AddSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
            _ = Task.Run(async () =>
            {
                while (TimeProvider.System.GetUtcNow() < until)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_ => { using var blocked = new ManualResetEventSlim(); blocked.Wait(Random.Shared.Next(500, 3000)); }, null);
                    await Task.Delay(20);
                }
            });
        }

        var files = new TftpFiles(
            Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), f => f),
            new Dictionary<string, ReadOnlyMemory<byte>>());
        await using (var listener = new TftpListener(
            new IPEndPoint(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
            files, TftpLimits.Default, TimeProvider.System, NullLogger<TftpListener>.Instance))
        {
            listener.Start();
            Console.WriteLine($"serving {directory} on {listener.LocalEndPoint}");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine($"completed {listener.Counters.Completed}, failed {listener.Counters.Failed}");
        }

        return 0;
    case ["get", string port, string file, .. string[] rest]:
        int blockSize = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
        int windowSize = rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var endPoint = new IPEndPoint(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        (long bytes, TimeSpan elapsed, string sha) = await BenchClient.GetAsync(endPoint, file, blockSize, windowSize, stop.Token);
        Console.WriteLine($"{bytes} {elapsed.TotalSeconds:F3} {sha}");
        return 0;
    case ["many", string count, string port, string file, string blocks, string window]:
        var target = new IPEndPoint(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        var fetches = Enumerable.Range(0, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)).Select(_ => BenchClient.GetAsync(
            target, file, int.Parse(blocks, System.Globalization.CultureInfo.InvariantCulture), int.Parse(window, System.Globalization.CultureInfo.InvariantCulture), stop.Token));
        foreach ((long fetched, TimeSpan took, string digest) in await Task.WhenAll(fetches))
        {
            Console.WriteLine($"{fetched} {took.TotalSeconds:F3} {digest}");
        }

        return 0;
    case ["sims", string count, string port, string file]:
        // N simulated PXE ROMs (Ingot.Sim's TftpFetch: blksize 8192, lock-step, EDK2's 4 s x 6 waits), each
        // from its own loopback address as in the storm; prints "<bytes or error> <seconds>" per fetch.
        var tftp = new IPEndPoint(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        int n = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        var reads = Enumerable.Range(0, n).Select(async i =>
        {
            var local = new IPAddress(new byte[] { 127, 77, (byte)(i / 240), (byte)((i % 240) + 10) });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                long read = await Ingot.Sim.Boot.TftpFetch.ReadAsync(local, tftp, file, stop.Token);
                return $"{read} {clock.Elapsed.TotalSeconds:F3}";
            }
            catch (Ingot.Sim.Boot.TftpFetchException e)
            {
                return $"failed {clock.Elapsed.TotalSeconds:F3} {e.Message}";
            }
        });
        foreach (string line in await Task.WhenAll(reads))
        {
            Console.WriteLine(line);
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: Ingot.Benchmarks.Tftp serve DIR PORT [SECONDS] | get PORT FILE [BLKSIZE] [WINDOWSIZE] | many N PORT FILE BLKSIZE WINDOWSIZE | sims N PORT FILE");
        return 2;
}
