using System.Net;
using System.Net.Sockets;
using Ingot.Power.Ipmi;
using Ingot.Sim.Ipmi;

namespace Ingot.Power.Tests.Ipmi;

/// <summary>A real ipmi_sim BMC on a free loopback port for one test, with the file-backed chassis script; stopped by PID.</summary>
internal sealed class IpmiTestBmc : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private IpmiTestBmc(IpmiSimBmc bmc, DirectoryInfo directory)
    {
        Bmc = bmc;
        _directory = directory;
    }

    public IpmiSimBmc Bmc { get; }

    public string PowerFile => Path.Combine(Bmc.Directory, "power");

    public string BootFile => Path.Combine(Bmc.Directory, "boot");

    public IReadOnlyList<string> Boots => File.Exists(Path.Combine(Bmc.Directory, "boots")) ? File.ReadAllLines(Path.Combine(Bmc.Directory, "boots")) : [];

    public bool IsOn => File.Exists(PowerFile) && File.ReadAllText(PowerFile).Trim() == "1";

    public static async Task<IpmiTestBmc> StartAsync(CancellationToken ct)
    {
        if (!File.Exists(IpmiSimBmc.Executable) || Tools.Find("ipmipower") is null || Tools.Find("ipmi-chassis-config") is null)
        {
            Assert.Skip("ipmi_sim (openipmi) or FreeIPMI (freeipmi-tools) is not installed");
        }

        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-power-ipmi-");
        IpmiSimBmc bmc = IpmiSimBmc.Start(new IpmiSimOptions($"bmc-{directory.Name}", FreeUdpPort()), directory.FullName);
        var test = new IpmiTestBmc(bmc, directory);
        try
        {
            await test.WaitUntilAnsweringAsync(ct);
        }
        catch
        {
            await test.DisposeAsync();
            throw;
        }

        return test;
    }

    public PowerContext Context(string? password = null, Dictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["power_address"] = Bmc.PowerAddress,
            ["power_user"] = Bmc.Options.User,
            ["power_pass"] = password ?? Bmc.Options.Password,
        };
        foreach ((string key, string value) in extra ?? [])
        {
            parameters[key] = value;
        }

        return new PowerContext("ipmi01", IpmiSchema.Schema, parameters);
    }

    public void SetDelay(double seconds) =>
        File.WriteAllText(Path.Combine(Bmc.Directory, "delay"), seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await Bmc.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        var driver = new IpmiPowerDriver(new Ingot.Power.Processes.ProcessRunner(), new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(1) });
        PowerException? last = null;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            if (Bmc.HasExited)
            {
                throw new InvalidOperationException($"ipmi_sim exited at start; see {Bmc.Directory}");
            }

            try
            {
                await driver.QueryAsync(Context(), ct);
                return;
            }
            catch (PowerException e)
            {
                last = e;
                await Task.Delay(100, ct);
            }
        }

        throw new InvalidOperationException($"ipmi_sim on {Bmc.PowerAddress} did not answer ipmipower --stat within 50 tries: {last?.Message}");
    }

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
