using Ingot.Core.Machines;
using Ingot.Hosting;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>A machine that hangs while booting stays COMMISSIONING until node_timeout passes; then the status monitor fails it.</summary>
public sealed class SimulatedMachineTimeoutTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    [Fact]
    public async Task A_hung_machine_times_out_into_failed_commissioning()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Hang)));
        SimulatedMachine sim = dc.Machines[0];
        System.Text.Json.Nodes.JsonNode enlisted = await lab.WaitForStatusAsync(sim, "New", TimeSpan.FromSeconds(120));
        await lab.Api.PostAsync("machines/?op=accept", ct, ("machines", enlisted["system_id"]!.GetValue<string>()));
        await lab.WaitForStatusAsync(sim, "Commissioning", TimeSpan.FromSeconds(60));
        long started = TimeProvider.System.GetTimestamp();
        while (!sim.Activity.Contains("hung", StringComparison.Ordinal))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60), $"Waited for {sim.Hostname} to hang; it says '{sim.Activity}'.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        StatusMonitor before = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, ct);
        Assert.Empty(await before.RunOnceAsync(ct));

        lab.Time.Offset = TimeSpan.FromMinutes(LifecycleSettings.DefaultNodeTimeout + 1);
        StatusMonitor after = await IngotState.StatusMonitorAsync(lab.Ingot.App.Services, ct);
        Assert.Single(await after.RunOnceAsync(ct));
        lab.Time.Offset = TimeSpan.Zero;

        await lab.WaitForStatusAsync(sim, "Failed commissioning", TimeSpan.FromSeconds(30));
    }
}
