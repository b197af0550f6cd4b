using System.Text.Json;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// Issue 8: on failure a walk keeps the serial log, Ingot's log and the event log as test artefacts. Here a walk fails
/// for real once its machine has booted: the operator adds the VM through the API, Ingot powers it on over IPMI, its
/// iPXE boots from Ingot, and the walk's next step throws. What <see cref="WalkArtefacts"/> kept from its
/// <c>finally</c> block is read back. Runs beside the storage walk (<c>test.sh</c>), not in the bounded E2E stage.
/// </summary>
public sealed class WalkArtefactsTests
{
    private const string Injected = "injected: the walk's next step fails";

    [Fact]
    public async Task A_walk_that_fails_after_its_machine_booted_keeps_the_console_the_BMC_log_Ingot_s_log_the_stages_and_the_events()
    {
        E2ERequirements.Require();
        E2ERequirements.RequireIpmi();
        foreach (string old in Directory.GetFiles(NetworkBootLab.LogDirectory, "kf-*"))
        {
            File.Delete(old);
        }

        await using var lab = new NetworkBootLab("kf");
        await lab.StartAsync();
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        await using BmcMachine vm = await BmcMachine.StartAsync(lab.Network, "k", 0x0b, cpus: 1, memoryMiB: 512, diskMiB: 1024);
        var stages = new BootStages();
        string systemId = "";

        Exception? failure = await Record.ExceptionAsync(async () =>
        {
            try
            {
                JsonElement created = await maas.PostAsync(
                    "machines/",
                    ("architecture", "amd64/generic"),
                    ("mac_addresses", vm.Mac),
                    ("hostname", "kept-logs"),
                    ("power_type", "ipmi"),
                    ("power_parameters_power_address", vm.Bmc.PowerAddress),
                    ("power_parameters_power_user", BmcMachine.User),
                    ("power_parameters_power_pass", BmcMachine.Password));
                systemId = created.GetProperty("system_id").GetString()!;
                stages.Reached("added through the API, commissioning");
                await vm.WaitForConsoleAsync(0, @"/ipxe/mac/\S+/boot\.ipxe", TimeSpan.FromMinutes(2), "Ingot to power the VM on over IPMI and its iPXE to fetch its per-machine script from Ingot's HTTP boot");
                stages.Reached("booted by Ingot's IPMI power on");
                throw new InvalidOperationException(Injected);
            }
            finally
            {
                await WalkArtefacts.KeepAsync("kf", lab, maas, (vm, stages, systemId));
            }
        });

        Assert.Equal(Injected, failure?.Message);
        Assert.Matches(@"/ipxe/mac/\S+/boot\.ipxe", Kept("k-console.log"));
        Assert.Contains("power on: pid", Kept("k-bmc-control.log"), StringComparison.Ordinal);
        Assert.Contains("booted by Ingot's IPMI power on", Kept("k-stages.txt"), StringComparison.Ordinal);
        Assert.Contains("Ingot serving on", Kept("ingot-serve.log"), StringComparison.Ordinal);
        string events = Kept("k-events.json");
        Assert.Contains($"\"node\":\"{systemId}\"", events.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Powering on", events, StringComparison.Ordinal);
    }

    private static string Kept(string name)
    {
        string path = Path.Combine(NetworkBootLab.LogDirectory, $"kf-{name}");
        Assert.True(File.Exists(path), $"the failed walk kept no {path}; kept: {string.Join(", ", Directory.GetFiles(NetworkBootLab.LogDirectory, "kf-*").Select(Path.GetFileName))}");
        return File.ReadAllText(path);
    }
}
