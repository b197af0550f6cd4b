using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Sim.Ipmi;
using Ingot.Sim.Machines;
using Ingot.Tests.Serving;

namespace Ingot.Tests.Sim;

/// <summary>
/// <c>ingot sim --bmc ipmi</c>'s data centre: simulated machines each behind a real ipmi_sim BMC on a loopback
/// UDP port enlist with power type ipmi, and Ingot's IPMI driver (FreeIPMI) powers them through commissioning.
/// No root needed (ipmi_sim listens on loopback); the BMCs are stopped by PID at the end, and by the rack's
/// reaper when <c>ingot sim --bmc ipmi</c> is killed with SIGKILL.
/// </summary>
public sealed class SimulatedIpmiMachineTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(240);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_machines_behind_ipmi_sim_BMCs_enlist_with_power_type_ipmi_and_Ingot_powers_them_through_commissioning()
    {
        if (!IpmiRack.Available || !File.Exists("/usr/sbin/ipmipower"))
        {
            Assert.Skip("ipmi_sim (openipmi) or ipmipower (freeipmi-tools) is not installed");
        }

        List<int> pids;
        await using (SimulatedDataCentre dc = await lab.StartIpmiAsync(2, "small"))
        {
            IReadOnlyDictionary<string, IpmiSimBmc> bmcs = dc.IpmiBmcs!;
            Assert.Same(bmcs, dc.IpmiBmcs);
            pids = [.. bmcs.Values.Select(b => b.ProcessId)];
            var ids = new List<string>();
            foreach (SimulatedMachine sim in dc.Machines)
            {
                JsonNode enlisted = await lab.WaitForStatusAsync(sim, "New", s_limit);
                string id = enlisted["system_id"]!.GetValue<string>();
                ids.Add(id);
                JsonNode parameters = (await lab.Api.GetAsync($"machines/{id}/?op=power_parameters", Ct))!;
                Assert.Equal("ipmi", enlisted["power_type"]!.GetValue<string>());
                Assert.Equal(bmcs[sim.System.Id].PowerAddress, parameters["power_address"]!.GetValue<string>());
            }

            await lab.Api.PostAsync("machines/?op=accept", Ct, [.. ids.Select(id => ("machines", id))]);
            foreach (SimulatedMachine sim in dc.Machines)
            {
                JsonNode ready = await lab.WaitForStatusAsync(sim, "Ready", s_limit);
                string boots = Path.Combine(bmcs[sim.System.Id].Directory, "boots");
                Assert.True(File.Exists(boots) && File.ReadAllLines(boots).Length >= 1, $"{sim.Hostname} was powered on through its ipmi_sim BMC");
                Assert.Equal("ipmi", ready["power_type"]!.GetValue<string>());
            }
        }

        Assert.All(pids, pid => Assert.False(IpmiSimBmc.IsAlive(pid), $"ipmi_sim {pid} was stopped"));
    }

    [Fact]
    public async Task A_SIGKILLed_ingot_sim_with_ipmi_BMCs_leaves_no_ipmi_sim_running_and_no_directory()
    {
        if (!IpmiRack.Available)
        {
            Assert.Skip("ipmi_sim (openipmi) is not installed");
        }

        string url = lab.Ingot.Url.ToString();
        string boot = string.Create(CultureInfo.InvariantCulture, $"{lab.Ingot.Network.Dhcp.Port},{lab.Ingot.Network.Tftp.Port}");
        List<int> bmcs = [];
        try
        {
            await using IngotProcess sim = IngotProcess.Start(null, "sim", "--url", url, "--key", lab.Ingot.ApiKey, "--machines", "2",
                "--profile", "small", "--bmc", "ipmi", "--loopback-boot", boot, "--first", "700");
            long started = TimeProvider.System.GetTimestamp();
            while (!sim.Output.Contains("ipmi_sim BMCs at", StringComparison.Ordinal))
            {
                Assert.False(sim.HasExited, $"ingot sim exited early:\n{sim.Output}");
                Assert.True(TimeProvider.System.GetElapsedTime(started) < s_limit, $"ingot sim did not start its BMCs in {s_limit.TotalSeconds} s:\n{sim.Output}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
            }

            bmcs = [.. Children(sim.Id, "ipmi_sim")];
            Assert.Equal(2, bmcs.Count);
            string rack = Path.GetDirectoryName(WorkingDirectory(bmcs[0]))!;
            Assert.StartsWith("ingot-sim-ipmi-", Path.GetFileName(rack), StringComparison.Ordinal);

            await sim.KillAsync();

            long killed = TimeProvider.System.GetTimestamp();
            while (bmcs.Any(IpmiSimBmc.IsAlive) && TimeProvider.System.GetElapsedTime(killed) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
            }

            Assert.All(bmcs, pid => Assert.False(IpmiSimBmc.IsAlive(pid), $"ipmi_sim {pid} ended with the SIGKILLed ingot sim"));
            while (Directory.Exists(rack) && TimeProvider.System.GetElapsedTime(killed) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
            }

            Assert.False(Directory.Exists(rack), $"the rack's directory {rack} was deleted");
        }
        finally
        {
            foreach (int pid in bmcs.Where(IpmiSimBmc.IsAlive))
            {
                using var left = System.Diagnostics.Process.GetProcessById(pid);
                left.Kill();
            }
        }
    }

    /// <summary>The children of <paramref name="parent"/> whose command name is <paramref name="name"/> (from /proc).</summary>
    private static IEnumerable<int> Children(int parent, string name)
    {
        foreach (string entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(entry, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(") ", StringComparison.Ordinal);
            string[] rest = stat[(close + 2)..].Split(' ');
            if (stat[(open + 1)..close] == name && rest[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    private static string WorkingDirectory(int pid) => new FileInfo($"/proc/{pid}/cwd").LinkTarget ?? throw new InvalidOperationException($"no cwd for {pid}");
}
