// Ingot's TFTP server on its own, and a client for the TFTP benchmark (benchmarks/tftp/run.sh).
//
//   Ingot.Benchmarks.Tftp serve DIR PORT                      serve every file in DIR on 127.0.0.1:PORT until stopped
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
    case ["serve", string directory, string port]:
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
    default:
        Console.Error.WriteLine("usage: Ingot.Benchmarks.Tftp serve DIR PORT | get PORT FILE [BLKSIZE] [WINDOWSIZE]");
        return 2;
}
