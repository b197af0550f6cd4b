using System.Globalization;
using System.Net;
using Ingot.Demo;
using Ingot.Sim.Boot;
using Ingot.Tests.Serving;
using Npgsql;

namespace Ingot.Tests.Regions;

/// <summary>
/// Several <c>ingot serve</c> processes (the built executable) on one fresh PostgreSQL database named by
/// <c>INGOT_TEST_POSTGRES</c>, sharing one data directory (the boot images), each on its own loopback
/// ports with loopback DHCP and TFTP. The admin, its API key and the placeholder images are made by
/// one-shot commands first. Dispose kills only the processes started here and drops the database.
/// </summary>
internal sealed class RegionsOnPostgres : IAsyncDisposable
{
    /// <summary>
    /// Each region logs the power work it takes and every action it sends to a BMC (debug level), one
    /// line per entry with the time, so that a failure can tell which region sent which reset.
    /// </summary>
    private static readonly Dictionary<string, string> s_debugPowerLogs = new()
    {
        ["Logging__LogLevel__Ingot.Hosting.LoggedPowerDriver"] = "Debug",
        ["Logging__LogLevel__Ingot.Hosting.LoggedPowerClient"] = "Debug",
        ["Logging__LogLevel__Ingot.Hosting.PowerExecutorService"] = "Debug",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
    };

    private readonly string _server;
    private readonly string _name;
    private readonly List<Region> _regions = [];

    private RegionsOnPostgres(string server, string name, string dataDir)
    {
        _server = server;
        _name = name;
        DataDir = dataDir;
        Database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Database { get; }

    public string DataDir { get; }

    public string ApiKey { get; private set; } = "";

    public IReadOnlyList<Region> Regions => _regions;

    public static async Task<RegionsOnPostgres> CreateAsync()
    {
        string? server = Environment.GetEnvironmentVariable("INGOT_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "INGOT_TEST_POSTGRES is not set; ./test.sh starts PostgreSQL (scripts/postgres.sh) and sets it.");
        string name = $"ingot_regions_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var regions = new RegionsOnPostgres(server!, name, Directory.CreateTempSubdirectory("ingot-regions-").FullName);
        string image = Path.Combine(regions.DataDir, "sim-image");
        Directory.CreateDirectory(image);
        await File.WriteAllTextAsync(Path.Combine(image, "vmlinuz"), "simulated kernel\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(image, "initrd.img"), "simulated initrd\n", TestContext.Current.CancellationToken);
        await regions.RunAsync("createadmin", "--username", "admin", "--password", "regions-test", "--email", "admin@ingot.invalid");
        regions.ApiKey = (await regions.RunAsync("apikey", "--username", "admin")).Trim();
        await regions.RunAsync("add-ephemeral-image", "--dir", image, "--name", $"{DemoIngot.ImageOsystem}/{DemoIngot.ImageSeries}");
        await regions.RunAsync("add-ephemeral-image", "--dir", image, "--name", DemoIngot.DeployImage);
        return regions;
    }

    /// <summary>
    /// Starts one more <c>ingot serve</c> on the shared database and waits until it serves: with loopback DHCP
    /// and TFTP, or, given <paramref name="bootInterface"/>, with the boot services on that host interface
    /// and its address (HTTP boot on a free port there).
    /// </summary>
    public async Task<Region> StartAsync(string name, (string Name, IPAddress Address)? bootInterface = null)
    {
        int api = FreePorts.Tcp();
        int boot = FreePorts.Tcp();
        int dhcp = FreePorts.Udp();
        int tftp = FreePorts.Udp();
        string[] bootArgs = bootInterface is { } link
            ? ["--boot-interface", link.Name, "--boot-urls", $"http://{link.Address}:{boot}"]
            : ["--boot-urls", $"http://127.0.0.1:{boot}", "--loopback-boot", string.Create(CultureInfo.InvariantCulture, $"{dhcp},{tftp}")];
        var process = IngotProcess.Start(
            s_debugPowerLogs,
            ["serve", "--data-dir", DataDir, "--database", Database, "--urls", $"http://127.0.0.1:{api}", .. bootArgs]);
        var region = new Region(
            name,
            process,
            new Uri($"http://127.0.0.1:{api}/"),
            new SimRegion(new IPEndPoint(IPAddress.Loopback, dhcp), new IPEndPoint(IPAddress.Loopback, tftp), new IPEndPoint(IPAddress.Loopback, boot)));
        _regions.Add(region);
        await process.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        return region;
    }

    /// <summary>
    /// The lines of every region's output that name one of <paramref name="words"/> (system ids), prefixed
    /// with the region's name, at most <paramref name="limit"/> per region: what a failure shows of who
    /// sent which power action (the power layer logs each at debug level, <see cref="s_debugPowerLogs"/>).
    /// </summary>
    public string LinesAbout(IReadOnlyCollection<string> words, int limit = 150) =>
        string.Join('\n', _regions.SelectMany(r => r.Process.Output.Split('\n')
            .Where(line => words.Any(w => line.Contains(w, StringComparison.Ordinal)))
            .TakeLast(limit)
            .Select(line => $"[{r.Name}] {line.TrimEnd()}")));

    /// <summary>Writes every region's output to files under the test's output directory and attaches them; returns the directory.</summary>
    public string KeepLogs()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "TestResults", $"regions-{_name}");
        Directory.CreateDirectory(dir);
        foreach (Region region in _regions)
        {
            File.WriteAllText(Path.Combine(dir, $"{region.Name}.log"), region.Process.Output);
            TestContext.Current.AddAttachment($"{region.Name}.log", region.Process.Output);
        }

        return dir;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Region region in _regions)
        {
            await region.Process.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }

        Directory.Delete(DataDir, recursive: true);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        (int code, string output) = await IngotProcess.RunAsync(null, [.. args, "--data-dir", DataDir, "--database", Database]);
        return code == 0 ? output : throw new InvalidOperationException($"ingot {args[0]} exited with {code}: {output}");
    }

    /// <summary>One region: its process, its REST API and where simulated machines reach it.</summary>
    internal sealed record Region(string Name, IngotProcess Process, Uri Url, SimRegion Sim);
}
