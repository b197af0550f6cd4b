using Ingot.CommandLine;
using Ingot.Demo;
using Ingot.Hosting;
using Ingot.Sim.Machines;
using Ingot.Sim.Operator;

namespace Ingot.Commands;

/// <summary>
/// <c>ingot demo</c>: Ingot on a fresh SQLite state in <c>DATA/demo</c> with simulated machines that
/// enlist, are accepted and commission, and of which some are deployed, with live progress; then the
/// web UI's URL, the admin login and the API key; runs until Ctrl-C. <c>--headless --exit-when-ready</c>
/// exits 0 once every machine reached its target, 1 naming those that did not within <c>--timeout</c>.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        int machines = command.GetInt("machines", 12, 1, 1000);
        int deploy = command.GetInt("deploy", 3, 0, 1000);
        int timeout = command.GetInt("timeout", 300, 10, 86400);
        int port = command.GetInt("port", 5240, 0, 65535);
        bool headless = command.Has("headless");
        bool exitWhenReady = command.Has("exit-when-ready");
        string profile = command.Get("profile") ?? "mixed";
        if (HardwareProfiles.For(profile, 1) is null)
        {
            throw new UsageException($"ingot demo: --profile '{profile}' is not one of {string.Join(", ", HardwareProfiles.Names)}", command.Spec);
        }

        (IReadOnlyDictionary<int, MachineFailure> failures, string? error) = FailureSpec.Parse(command.Get("failures"), machines);
        if (error is not null)
        {
            throw new UsageException($"ingot demo: --failures {error}", command.Spec);
        }

        port = port == 0 ? FreePorts.Tcp() : port;
        if (!FreePorts.TcpFree(port))
        {
            await stderr.WriteLineAsync($"ingot demo: port {port} is in use (is 'ingot serve' running?); pass --port PORT, or --port 0 for any free port.");
            return IngotCommandLine.Failure;
        }

        string data = Path.Combine(DataLocation.Resolve(command.Get("data-dir"), null).DataDirectory, "demo");
        await stdout.WriteLineAsync($"Starting Ingot on http://127.0.0.1:{port}/ with a fresh state in {data} …");
        await using DemoIngot ingot = await DemoIngot.StartAsync(data, port, quiet: !command.Has("verbose"), ct);
        using var api = new IngotApi(ingot.Url, ingot.ApiKey, TimeProvider.System);
        await SimLab.PrepareAsync(api, ingot.Network, DemoIngot.ImageOsystem, DemoIngot.ImageSeries, ct);
        var options = new SimDataCentreOptions { Machines = machines, Profile = profile, Failures = failures };
        await using SimulatedDataCentre dataCentre = await SimulatedDataCentre.StartAsync(options, ingot.Network, TimeProvider.System, ct);
        dataCentre.PowerOnAll();

        var director = new DemoDirector(api, dataCentre, deploy);
        var progress = new DemoProgress(stdout, headless);
        int exit = await new DemoLoop(director, progress, stdout, TimeProvider.System).RunAsync(exitWhenReady, TimeSpan.FromSeconds(timeout), () => Credentials(ingot), ct);
        dataCentre.Machines.ToList().ForEach(m => m.Halt());
        return exit;
    }

    private static string Credentials(DemoIngot ingot) =>
        $"Web UI:    {ingot.Url}MAAS/r/\n" +
        $"Login:     {DemoIngot.AdminName} / {ingot.Password}\n" +
        $"API key:   {ingot.ApiKey}\n" +
        $"CLI:       ./ingot login demo {ingot.Url}MAAS/ {ingot.ApiKey}\n";
}
