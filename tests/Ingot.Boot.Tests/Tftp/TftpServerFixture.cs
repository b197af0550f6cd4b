using System.Net;
using System.Security.Cryptography;
using Ingot.Boot.Tftp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Tftp;

/// <summary>A TFTP listener on 127.0.0.1 and a random port, serving random files from a temp directory.</summary>
public sealed class TftpServerFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("ingot-tftp-").FullName;

    public TftpListener Listener { get; private set; } = null!;

    public IPEndPoint EndPoint => Listener.LocalEndPoint;

    public Dictionary<string, byte[]> Files { get; } = [];

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public ValueTask InitializeAsync()
    {
        var random = new Random(4);
        foreach ((string name, int size) in new[] { ("undionly.kpxe", 70_000), ("small.bin", 1000), ("exact.bin", 1024), ("big.bin", 3_000_000) })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(Directory, name), bytes);
            Files[name] = bytes;
        }

        var files = new TftpFiles(Files.Keys.ToDictionary(n => n, n => Path.Combine(Directory, n)), TftpConfigs.All);
        Listener = new TftpListener(new IPEndPoint(IPAddress.Loopback, 0), files, TftpLimits.Default, TimeProvider.System, NullLogger<TftpListener>.Instance);
        Listener.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
