using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Hosting;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// Failures that only Ingot's status monitor ends: a machine that hangs while booting, and one whose BMC does not
/// answer, stay COMMISSIONING until node_timeout passes; then the monitor fails them with MAAS's time-out message.
/// Ingot's clock is moved (<see cref="ShiftedTime"/>), nobody waits for the real minutes.
/// </summary>
public sealed class SimulatedMachineTimeoutTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    private static readonly string s_timedOut = $"Node operation 'Commissioning' timed out after {LifecycleSettings.DefaultNodeTimeout} minutes.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hung_machine_times_out_into_failed_commissioning()
    {
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Hang)));
        SimulatedMachine sim = dc.Machines[0];
        JsonNode enlisted = await lab.WaitForStatusAsync(sim, "New", TimeSpan.FromSeconds(120));
        string id = enlisted["system_id"]!.GetValue<string>();
        await lab.Api.PostAsync("machines/?op=accept", Ct, ("machines", id));
        await lab.WaitForStatusAsync(sim, "Commissioning", TimeSpan.FromSeconds(60));
        long started = TimeProvider.System.GetTimestamp();
        while (!sim.Activity.Contains("hung", StringComparison.Ordinal))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60), $"Waited for {sim.Hostname} to hang; it says '{sim.Activity}'.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }

        Assert.Contains(id, await ExpireAsync());
        JsonNode failed = await lab.WaitForStatusAsync(sim, "Failed commissioning", TimeSpan.FromSeconds(30));
        Assert.Equal(s_timedOut, failed["error_description"]!.GetValue<string>());
        (_, string marked) = await lab.WaitForEventAsync(id, "Marking node failed", TimeSpan.FromSeconds(10));
        Assert.Equal(s_timedOut, marked);
    }

    [Fact]
    public async Task A_machine_whose_BMC_does_not_answer_records_the_failed_power_on_and_times_out_into_failed_commissioning()
    {
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Bmc)));
        SimulatedMachine sim = dc.Machines[0];

        // Enlistment does not need the BMC (the machine was powered on by hand); it registers the dead address.
        JsonNode enlisted = await lab.WaitForStatusAsync(sim, "New", TimeSpan.FromSeconds(120));
        string id = enlisted["system_id"]!.GetValue<string>();
        JsonNode parameters = (await lab.Api.GetAsync($"machines/{id}/?op=power_parameters", Ct))!;
        Assert.Equal(SimulatedDataCentre.DeadBmcAddress, parameters["power_address"]!.GetValue<string>());

        // Accept asks Ingot to power the machine on; the Redfish driver cannot reach the BMC, and the event says so with
        // MAAS's PowerConnError prefix. The machine stays COMMISSIONING (nothing boots it) with its power state an error.
        await lab.Api.PostAsync("machines/?op=accept", Ct, ("machines", id));
        (_, string powerOnFailed) = await lab.WaitForEventAsync(id, "Failed to power on node", TimeSpan.FromSeconds(120));
        Assert.StartsWith("Could not contact node's BMC: Redfish service 127.0.0.1:9 unreachable", powerOnFailed, StringComparison.Ordinal);
        JsonNode machine = (await lab.Api.GetAsync($"machines/{id}/", Ct))!;
        Assert.Equal(("Commissioning", "error"), (machine["status_name"]!.GetValue<string>(), machine["power_state"]!.GetValue<string>()));
        Assert.Equal("off", sim.Activity);

        Assert.Contains(id, await ExpireAsync());
        JsonNode failed = await lab.WaitForStatusAsync(sim, "Failed commissioning", TimeSpan.FromSeconds(30));
        Assert.Equal(s_timedOut, failed["error_description"]!.GetValue<string>());
        (_, string marked) = await lab.WaitForEventAsync(id, "Marking node failed", TimeSpan.FromSeconds(10));
        Assert.Equal(s_timedOut, marked);
    }

    /// <summary>
    /// One status monitor pass now (it must fail nothing of this class's machines that has not expired) and one with Ingot's clock
    /// moved past node_timeout; the system ids the second pass failed.
    /// </summary>
    private async Task<IReadOnlyList<string>> ExpireAsync()
    {
        StatusMonitor before = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, Ct);
        Assert.Empty(await before.RunOnceAsync(Ct));

        lab.Time.Offset = TimeSpan.FromMinutes(LifecycleSettings.DefaultNodeTimeout + 1);
        try
        {
            StatusMonitor after = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, Ct);
            return await after.RunOnceAsync(Ct);
        }
        finally
        {
            lab.Time.Offset = TimeSpan.Zero;
        }
    }
}
