using System.Globalization;
using System.Net;
using Ingot.CommandLine;
using Ingot.Sim.Boot;
using Ingot.Sim.Machines;
using Ingot.Sim.Operator;

namespace Ingot.Commands;

/// <summary>
/// <c>ingot sim</c>: N simulated machines against a running Ingot. It sets up the relay's subnet and
/// the boot image settings through the API (admin key), presses every machine's power button, and
/// prints what each machine does as it changes, until Ctrl-C. The machines enlist with their BMC's address
/// and credentials (the virtual Redfish service, or with <c>--bmc ipmi</c> an ipmi_sim BMC each), so Ingot
/// can power them from then on.
/// </summary>
public static class SimCommand
{
    public const string KeyVariable = "INGOT_API_KEY";

    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string urlText = command.Get("url") ?? "http://127.0.0.1:5240/";
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"ingot sim: --url '{urlText}' is not an http(s) URL", command.Spec);
        }

        string key = command.Get("key") ?? Environment.GetEnvironmentVariable(KeyVariable)
            ?? throw new UsageException($"ingot sim: --key (or ${KeyVariable}) is required: an admin API key, as 'ingot apikey --username NAME' prints it", command.Spec);
        if (key.Trim().Split(':') is not [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }])
        {
            throw new UsageException("ingot sim: --key is not an API key (consumer:token:secret, as 'ingot apikey --username NAME' prints it)", command.Spec);
        }

        int machines = command.GetInt("machines", 12, 1, 100000);
        int first = command.GetInt("first", 1, 1, 1 << 23);
        string profile = command.Get("profile") ?? "mixed";
        if (HardwareProfiles.For(profile, 1) is null)
        {
            throw new UsageException($"ingot sim: --profile '{profile}' is not one of {string.Join(", ", HardwareProfiles.Names)}", command.Spec);
        }

        SimBmc bmc = (command.Get("bmc") ?? "redfish") switch
        {
            "redfish" => SimBmc.Redfish,
            "ipmi" when Ingot.Sim.Ipmi.IpmiRack.Available => SimBmc.Ipmi,
            "ipmi" => throw new UsageException("ingot sim: --bmc ipmi needs ipmi_sim (Debian package openipmi)", command.Spec),
            var other => throw new UsageException($"ingot sim: --bmc '{other}' is not redfish or ipmi", command.Spec),
        };

        (IReadOnlyDictionary<int, MachineFailure> failures, string? error) = FailureSpec.Parse(command.Get("failures"), machines);
        if (error is not null)
        {
            throw new UsageException($"ingot sim: --failures {error}", command.Spec);
        }

        if (command.Get("netns") is not null && command.Get("loopback-boot") is not null)
        {
            throw new UsageException("ingot sim: --netns and --loopback-boot exclude each other (machines on a link broadcast DHCP; the loopback relay is for machines without root)", command.Spec);
        }

        _ = Subnet(command);
        string portsText = command.Get("loopback-boot") ?? "6767,6969";
        string[] ports = portsText.Split(',');
        if (ports.Length != 2 || !Port(ports[0], out int dhcp) || !Port(ports[1], out int tftp))
        {
            throw new UsageException($"ingot sim: --loopback-boot '{portsText}' is not DHCP_PORT,TFTP_PORT (ports 1 to {IPEndPoint.MaxPort})", command.Spec);
        }

        string imageText = command.Get("image") ?? "ingot/sim";
        string[] image = imageText.Split('/');
        if (image.Length != 2 || image.Any(part => part.Length == 0))
        {
            throw new UsageException($"ingot sim: --image '{imageText}' is not OS/SERIES", command.Spec);
        }

        await using SimNamespace? inside = await NamespaceAsync(command, ct);
        var network = inside is null
            ? new SimNetwork(new IPEndPoint(IPAddress.Loopback, dhcp), new IPEndPoint(IPAddress.Loopback, tftp))
            : SimNetwork.OnLink(inside, Subnet(command)!.Value);
        using var api = new IngotApi(url, key, TimeProvider.System);
        try
        {
            await SimLab.PrepareAsync(api, network, image[0], image[1], ct);
        }
        catch (Exception e) when (e is HttpRequestException or IngotApiException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            await stderr.WriteLineAsync($"ingot sim: could not set up the simulated machines' subnet through Ingot's API at {url}: {e.Message}");
            return IngotCommandLine.Failure;
        }

        var options = new SimDataCentreOptions { Machines = machines, Profile = profile, Failures = failures, FirstNumber = first, Bmc = bmc };
        await using SimulatedDataCentre dataCentre = await SimulatedDataCentre.StartAsync(options, network, TimeProvider.System, ct);
        string bmcs = dataCentre.IpmiBmcs is { } ipmi
            ? $"ipmi_sim BMCs at {string.Join(", ", ipmi.Values.Select(b => b.PowerAddress))}"
            : $"Redfish BMC at {dataCentre.BmcAddress}";
        await stdout.WriteLineAsync($"{machines} simulated machines ({profile}), {bmcs}; powering them on. Ctrl-C stops them.");
        dataCentre.PowerOnAll();

        var last = new Dictionary<int, string>();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
            {
                foreach (SimulatedMachine machine in dataCentre.Machines)
                {
                    string activity = machine.Activity;
                    if (!last.TryGetValue(machine.Number, out string? before) || before != activity)
                    {
                        last[machine.Number] = activity;
                        await stdout.WriteLineAsync($"{machine.Hostname} {machine.BootMac()}: {activity}");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C.
        }

        return IngotCommandLine.Ok;
    }

    /// <summary>With <c>--netns</c>, the namespace and its link (root only); null without. Bad values are usage errors.</summary>
    private static async Task<SimNamespace?> NamespaceAsync(ParsedCommand command, CancellationToken ct)
    {
        if (command.Get("netns") is not { } name)
        {
            return command.Get("netns-link") is null
                ? null
                : throw new UsageException("ingot sim: --netns-link needs --netns", command.Spec);
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new UsageException("ingot sim: --netns needs root (the machines' sockets are made inside the namespace and their addresses put on its link)", command.Spec);
        }

        try
        {
            return await SimNamespace.OpenAsync(name, command.Get("netns-link"), ct);
        }
        catch (SimNamespaceException e)
        {
            throw new UsageException($"ingot sim: --netns: {e.Message}", command.Spec);
        }
    }

    /// <summary><c>--subnet</c>: required with <c>--netns</c> (an IPv4 network of /8 to /29), refused without it.</summary>
    private static IPNetwork? Subnet(ParsedCommand command)
    {
        string? text = command.Get("subnet");
        if (command.Get("netns") is null)
        {
            return text is null ? null : throw new UsageException("ingot sim: --subnet needs --netns (the loopback relay's subnet is the sim's own)", command.Spec);
        }

        if (text is null)
        {
            throw new UsageException("ingot sim: --netns needs --subnet, the IPv4 network (CIDR) Ingot serves on the namespace's link", command.Spec);
        }

        // The address must be the network's own (10.0.77.0/24, not 10.0.77.5/24), whatever IPNetwork.TryParse makes of host bits.
        return IPNetwork.TryParse(text, out IPNetwork subnet) && subnet.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && subnet.PrefixLength is >= 8 and <= 29
            && IPAddress.TryParse(text.Split('/')[0], out IPAddress? given) && given.Equals(subnet.BaseAddress)
            ? subnet
            : throw new UsageException($"ingot sim: --subnet '{text}' is not an IPv4 network in CIDR form with a prefix of 8 to 29 (such as 10.0.77.0/24)", command.Spec);
    }

    private static string BootMac(this SimulatedMachine machine) => machine.Profile.BootMac;

    private static bool Port(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= IPEndPoint.MaxPort;
}
