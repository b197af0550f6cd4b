using System.Text.Json.Nodes;
using Ingot.Core.Machines.Signals;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// The signal-table branches after READY driven by simulated machines through the real boot path: an installer that
/// signals FAILED (DEPLOYING → FAILED_DEPLOYMENT), a disk that cannot be erased (the release script <c>wipe-disks</c>
/// fails: DISK_ERASING → FAILED_DISK_ERASING) beside one that is erased (→ READY), a rescue environment that signals
/// FAILED (ENTERING_RESCUE_MODE → FAILED_ENTERING_RESCUE_MODE), and testing's OK returning a machine to its previous
/// status (DEPLOYED, and NEW after FAILED_COMMISSIONING). Each checks the status, MAAS's message and the events.
/// </summary>
public sealed class SimulatedFailureBranchTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_installer_that_signals_FAILED_fails_the_deployment_once_with_MAAS_s_message_and_release_powers_it_off()
    {
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Installer)));
        SimulatedMachine sim = dc.Machines[0];
        string id = await DeployedOrFailedAsync(sim, "Failed deployment");

        JsonNode failed = (await lab.Api.GetAsync($"machines/{id}/", Ct))!;
        Assert.Equal(SignalTable.InstallationFailed, failed["error_description"]!.GetValue<string>());
        Assert.False(sim.HasInstalledSystem, "the installer failed before writing the system");
        Assert.Equal("installer: cmd-install/stage-partitioning failed, signal FAILED", sim.Activity);

        // The FAILED signal marks it failed; cmd-install's FAIL on the webhook, which follows, does not do it again.
        IReadOnlyList<(string Type, string Description)> events = await lab.EventsAsync(id);
        Assert.Single(events, e => e == ("Marking node failed", SignalTable.InstallationFailed));
        Assert.Single(events, e => e == ("Node changed status", "From 'Deploying' to 'Failed deployment'"));

        // Released from FAILED_DEPLOYMENT: Ingot powers the machine (still at its installer's console) off; READY.
        await lab.Api.PostAsync($"machines/{id}/?op=release", Ct);
        await lab.WaitForStatusAsync(sim, "Ready", s_limit);
        await SimLabHost.WaitForActivityAsync(sim, "off", s_limit);
    }

    [Fact]
    public async Task A_disk_that_cannot_be_erased_fails_disk_erasing_with_MAAS_s_message_while_a_healthy_one_is_erased_to_ready()
    {
        SimulatedDataCentre dc = await lab.StartAsync(2, "small", (2, new MachineFailure(FailureKind.Erase)));
        (SimulatedMachine healthy, SimulatedMachine broken) = (dc.Machines[0], dc.Machines[1]);
        string[] ids = await Task.WhenAll(DeployedOrFailedAsync(healthy, "Deployed"), DeployedOrFailedAsync(broken, "Deployed"));
        foreach (string id in ids)
        {
            JsonNode erasing = (await lab.Api.PostAsync($"machines/{id}/?op=release", Ct, ("erase", "true"), ("quick_erase", "true")))!;
            Assert.Equal("Disk erasing", erasing["status_name"]!.GetValue<string>());
        }

        // The healthy machine runs wipe-disks (the release set), signals OK and reports modules-final: READY, disk wiped.
        await lab.WaitForStatusAsync(healthy, "Ready", s_limit);
        Assert.False(healthy.HasInstalledSystem, "wipe-disks wiped the installed system");
        JsonNode passed = await WipeDisksResultAsync(ids[0]);
        Assert.Equal(("Passed", 0), (passed["status_name"]!.GetValue<string>(), passed["exit_status"]!.GetValue<int>()));
        IReadOnlyList<(string Type, string Description)> erased = await lab.EventsAsync(ids[0]);
        Assert.Contains(("Node changed status", "From 'Disk erasing' to 'Releasing'"), erased);
        Assert.Contains(("Node changed status", "From 'Releasing' to 'Ready'"), erased);

        // The other's wipe-disks exits 1: the runner signals FAILED, and the signal table fails it with MAAS's text.
        JsonNode failed = await lab.WaitForStatusAsync(broken, "Failed disk erasing", s_limit);
        Assert.Equal(SignalTable.DiskErasingFailed, failed["error_description"]!.GetValue<string>());
        Assert.True(broken.HasInstalledSystem, "nothing was erased");
        JsonNode wipe = await WipeDisksResultAsync(ids[1]);
        Assert.Equal(("Failed", 1), (wipe["status_name"]!.GetValue<string>(), wipe["exit_status"]!.GetValue<int>()));
        IReadOnlyList<(string Type, string Description)> events = await lab.EventsAsync(ids[1]);
        Assert.Single(events, e => e == ("Marking node failed", SignalTable.DiskErasingFailed));
        Assert.Contains(("Node changed status", "From 'Disk erasing' to 'Failed disk erasing'"), events);
    }

    [Fact]
    public async Task A_rescue_environment_that_signals_FAILED_fails_entering_rescue_mode_with_MAAS_s_message()
    {
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Rescue)));
        SimulatedMachine sim = dc.Machines[0];
        string id = await ReadyAsync(sim);

        JsonNode entering = (await lab.Api.PostAsync($"machines/{id}/?op=rescue_mode", Ct))!;
        Assert.Equal("Entering rescue mode", entering["status_name"]!.GetValue<string>());
        JsonNode failed = await lab.WaitForStatusAsync(sim, "Failed to enter rescue mode", s_limit);
        Assert.Equal(SignalTable.EnteringRescueModeFailed, failed["error_description"]!.GetValue<string>());
        Assert.Equal("ephemeral: rescue environment failed, signal FAILED", sim.Activity);
        IReadOnlyList<(string Type, string Description)> events = await lab.EventsAsync(id);
        Assert.Single(events, e => e == ("Marking node failed", SignalTable.EnteringRescueModeFailed));
        Assert.Contains(("Node changed status", "From 'Entering rescue mode' to 'Failed to enter rescue mode'"), events);
    }

    [Fact]
    public async Task Testing_s_OK_returns_a_deployed_machine_to_deployed_and_one_that_failed_commissioning_to_new()
    {
        SimulatedDataCentre dc = await lab.StartAsync(2, "small", (2, new MachineFailure(FailureKind.Script, "maas-lshw")));
        (SimulatedMachine deployed, SimulatedMachine failing) = (dc.Machines[0], dc.Machines[1]);
        Task<string> deploying = DeployedOrFailedAsync(deployed, "Deployed");
        JsonNode failedCommissioning = await AcceptedToAsync(failing, "Failed commissioning");
        string failedId = failedCommissioning["system_id"]!.GetValue<string>();
        string deployedId = await deploying;

        // op=test runs the testing scripts only (maas-lshw is a commissioning script): their OK sends each machine to
        // testing's previous-status target.
        foreach (string id in new[] { deployedId, failedId })
        {
            JsonNode testing = (await lab.Api.PostAsync($"machines/{id}/?op=test", Ct))!;
            Assert.Equal("Testing", testing["status_name"]!.GetValue<string>());
        }

        JsonNode backToDeployed = await lab.WaitForStatusAsync(deployed, "Deployed", s_limit);
        Assert.Equal("admin", backToDeployed["owner"]!.GetValue<string>());
        Assert.Contains(("Node changed status", "From 'Testing' to 'Deployed'"), await lab.EventsAsync(deployedId));
        await lab.WaitForStatusAsync(failing, "New", s_limit);
        Assert.Contains(("Node changed status", "From 'Testing' to 'New'"), await lab.EventsAsync(failedId));
        foreach (string id in new[] { deployedId, failedId })
        {
            JsonNode results = (await lab.Api.GetAsync($"nodes/{id}/results/current-testing/", Ct))!;
            Assert.Equal("Passed", results["status_name"]!.GetValue<string>());
        }
    }

    /// <summary>Accepts the machine once it enlisted and waits for <paramref name="status"/>; its JSON.</summary>
    private async Task<JsonNode> AcceptedToAsync(SimulatedMachine sim, string status)
    {
        string id = (await lab.WaitForStatusAsync(sim, "New", s_limit))["system_id"]!.GetValue<string>();
        await lab.Api.PostAsync("machines/?op=accept", Ct, ("machines", id));
        return await lab.WaitForStatusAsync(sim, status, s_limit);
    }

    private async Task<string> ReadyAsync(SimulatedMachine sim) => (await AcceptedToAsync(sim, "Ready"))["system_id"]!.GetValue<string>();

    /// <summary>Commissions, allocates and deploys the machine, and waits for <paramref name="status"/>; its system_id.</summary>
    private async Task<string> DeployedOrFailedAsync(SimulatedMachine sim, string status)
    {
        string id = await ReadyAsync(sim);
        await lab.Api.PostAsync("machines/?op=allocate", Ct, ("system_id", id));
        await lab.Api.PostAsync($"machines/{id}/?op=deploy", Ct);
        await lab.WaitForStatusAsync(sim, status, s_limit);
        return id;
    }

    /// <summary>The <c>wipe-disks</c> result of the machine's newest release script set.</summary>
    private async Task<JsonNode> WipeDisksResultAsync(string id)
    {
        JsonArray sets = (await lab.Api.GetAsync($"nodes/{id}/results/?type=release", Ct))!.AsArray();
        JsonNode set = sets.MaxBy(s => s!["id"]!.GetValue<long>())!;
        return set["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "wipe-disks")!;
    }
}
