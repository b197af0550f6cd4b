using System.Diagnostics;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Hosting;
using Ingot.Sim.Ipmi;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// Release's failure branch made to happen for real: a deployed machine whose BMC (a real <c>ipmi_sim</c>) has been
/// stopped is released over the REST API; Ingot's IPMI driver (FreeIPMI's <c>ipmipower</c>) cannot power it off, so
/// the machine stays RELEASING with MAAS's NODE_POWER_OFF_FAILED event, and when RELEASING's fixed 5 minutes run
/// out the status monitor fails it to FAILED_RELEASING with MAAS's text. MAAS 3.5 does the same: its power-off
/// workflow does not mark the node failed, <c>_release</c> arms <c>status_expires</c> (5 min) and the status monitor
/// calls <c>mark_failed("Node operation 'Releasing' timed out after 5 minutes.")</c>.
/// </summary>
public sealed class ReleaseFailureTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(240);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_release_whose_power_off_gets_no_answer_from_the_BMC_fails_to_releasing_failed_with_MAAS_s_event_and_message()
    {
        if (!IpmiRack.Available || !File.Exists("/usr/sbin/ipmipower"))
        {
            Assert.Skip("ipmi_sim (openipmi) or ipmipower (freeipmi-tools) is not installed");
        }

        await using SimulatedDataCentre dc = await lab.StartIpmiAsync(1, "small");
        SimulatedMachine sim = dc.Machines[0];
        IpmiSimBmc bmc = dc.IpmiBmcs![sim.System.Id];
        string id = (await lab.WaitForStatusAsync(sim, "New", s_limit))["system_id"]!.GetValue<string>();
        await lab.Api.PostAsync("machines/?op=accept", Ct, ("machines", id));
        await lab.WaitForStatusAsync(sim, "Ready", s_limit);
        await lab.Api.PostAsync("machines/?op=allocate", Ct, ("system_id", id));
        await lab.Api.PostAsync($"machines/{id}/?op=deploy", Ct);
        await lab.WaitForStatusAsync(sim, "Deployed", s_limit);
        // The deploy's power-on result may be saved a moment after the machine reports itself deployed (seen once in a
        // fresh-clone .ci/run: "unknown" at DEPLOYED), so the machine is waited for to show on, bounded.
        Assert.Equal("on", await WaitForPowerStateAsync(id, "on", TimeSpan.FromSeconds(60)));

        // The BMC dies: ipmi_sim is stopped by its PID (started by this test's data centre).
        using (Process ipmiSim = Process.GetProcessById(bmc.ProcessId))
        {
            ipmiSim.Kill();
            await ipmiSim.WaitForExitAsync(Ct);
        }

        JsonNode releasing = (await lab.Api.PostAsync($"machines/{id}/?op=release", Ct, ("comment", "give it back")))!;
        Assert.Equal("Releasing", releasing["status_name"]!.GetValue<string>());

        // ipmipower gets no answer ("connection timeout", ~20 s; a connection error is not retried, as MAAS's
        // PowerConnError): the power-off fails with MAAS's IPMI text behind its PowerConnError prefix, and the machine is still RELEASING.
        (_, string failedOff) = await lab.WaitForEventAsync(id, "Failed to power off node", s_limit);
        Assert.Equal(
            "Could not contact node's BMC: Connection timed out while performing power action.  Check BMC configuration and connectivity and try again.",
            failedOff);
        JsonNode stillReleasing = (await lab.Api.GetAsync($"machines/{id}/", Ct))!;
        Assert.Equal("Releasing", stillReleasing["status_name"]!.GetValue<string>());
        Assert.Equal("error", stillReleasing["power_state"]!.GetValue<string>());
        Assert.NotNull(stillReleasing["owner"]?.GetValue<string>());

        // Before RELEASING's 5 minutes have passed the status monitor leaves it alone; after, it fails it.
        StatusMonitor early = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, Ct);
        Assert.DoesNotContain(id, await early.RunOnceAsync(Ct));
        lab.Time.Offset = TimeSpan.FromMinutes(6);
        try
        {
            StatusMonitor late = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, Ct);
            await late.RunOnceAsync(Ct);
        }
        finally
        {
            lab.Time.Offset = TimeSpan.Zero;
        }

        JsonNode failed = await lab.WaitForStatusAsync(sim, "Releasing failed", TimeSpan.FromSeconds(30));
        const string message = "Node operation 'Releasing' timed out after 5 minutes.";
        Assert.Equal(message, failed["error_description"]!.GetValue<string>());
        (_, string markedFailed) = await lab.WaitForEventAsync(id, "Marking node failed", TimeSpan.FromSeconds(10));
        Assert.Equal(message, markedFailed);
        Assert.NotNull(failed["owner"]?.GetValue<string>());
    }

    /// <summary>Polls (bounded) the machine's <c>power_state</c> until it is <paramref name="state"/>; returns the last one seen.</summary>
    private async Task<string> WaitForPowerStateAsync(string id, string state, TimeSpan limit)
    {
        long started = TimeProvider.System.GetTimestamp();
        string seen = (await lab.Api.GetAsync($"machines/{id}/", Ct))!["power_state"]!.GetValue<string>();
        while (seen != state && TimeProvider.System.GetElapsedTime(started) < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            seen = (await lab.Api.GetAsync($"machines/{id}/", Ct))!["power_state"]!.GetValue<string>();
        }

        return seen;
    }
}
