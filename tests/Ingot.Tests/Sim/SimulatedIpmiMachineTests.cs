using System.Text.Json.Nodes;
using Ingot.Sim.Ipmi;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// <c>ingot sim --bmc ipmi</c>'s data centre: simulated machines each behind a real ipmi_sim BMC on a loopback
/// UDP port enlist with power type ipmi, and Ingot's IPMI driver (FreeIPMI) powers them through commissioning.
/// No root needed (ipmi_sim listens on loopback); the BMCs are stopped by PID at the end.
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
}
