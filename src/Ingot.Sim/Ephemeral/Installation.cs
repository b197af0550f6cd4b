using System.Net;
using System.Text;
using Ingot.Sim.Machines;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// Deployment as a simulated machine plays it. The installer (curtin's datasource
/// <c>…/metadata/curtin/</c>) reads its meta-data and configuration, reports <c>cmd-install</c>
/// and its stages to the status webhook, writes the system to disk, calls the late command
/// <c>netboot_off</c> and reboots. The installed system then reads its meta-data and user-data with
/// the same token (the user-data read is what marks it DEPLOYED) and reports cloud-init's stages up
/// to <c>modules-final</c>. An injected installer failure stops it at partitioning the way curtin
/// fails: its MAAS reporter signals FAILED with the install log, the stage and <c>cmd-install</c>
/// finish with FAIL on the webhook, and the machine stays on at the installer's console.
/// </summary>
public sealed class Installation(MetadataClient installer, Preseed preseed, SimulatedMachine machine, MachineFailure failure)
{
    public static readonly string[] CurtinStages = ["cmd-install/stage-partitioning", "cmd-install/stage-extract", "cmd-install/stage-curthooks"];

    public static readonly string[] CloudInitStages = ["init-local", "init-network", "modules-config", "modules-final"];

    public async Task<EphemeralEnd> InstallAsync(CancellationToken ct)
    {
        string endpoint = preseed.WebhookEndpoint ?? throw new InvalidOperationException("The installer's preseed has no reporting endpoint.");
        machine.Report("installer: reading its configuration");
        await installer.GetAsync("2012-03-01/meta-data/instance-id", ct);
        (HttpStatusCode status, _) = await installer.GetAsync("2012-03-01/user-data", ct);
        machine.Report($"installer: curtin user-data {(int)status}");
        await installer.ReportAsync(endpoint, "curtin", "start", "cmd-install", "curtin command install", null, ct);
        foreach (string stage in CurtinStages)
        {
            machine.Report($"installer: {stage}");
            await installer.ReportAsync(endpoint, "curtin", "start", stage, $"{stage} started", null, ct);
            if (failure.Kind == FailureKind.Installer)
            {
                return await FailAsync(endpoint, stage, ct);
            }

            await installer.ReportAsync(endpoint, "curtin", "finish", stage, $"{stage} finished", "SUCCESS", ct);
        }

        await installer.ReportAsync(endpoint, "curtin", "finish", "cmd-install", "curtin command install", "SUCCESS", ct);
        string root = installer.MetadataUrl[..installer.MetadataUrl.IndexOf("/MAAS/", StringComparison.Ordinal)];
        (HttpStatusCode off, string body) = await installer.PostFormAsync($"{root}/MAAS/metadata/latest/by-id/{preseed.SystemId}/", [("op", "netboot_off")], ct);
        machine.Report($"installer: netboot_off {(int)off}{(off == HttpStatusCode.OK ? "" : " " + body)}, rebooting");
        machine.Install(new InstalledSystem(preseed.Credentials!, installer.MetadataUrl.Replace("/MAAS/metadata/curtin/", "/MAAS/metadata/", StringComparison.Ordinal), endpoint));
        return EphemeralEnd.Reboot;
    }

    private async Task<EphemeralEnd> FailAsync(string endpoint, string stage, CancellationToken ct)
    {
        string error = $"Installation failed with exception: Unexpected error while running command. Command: ['sgdisk', '--zap-all', '/dev/{machine.Profile.Disks[0].Name}'] Exit code: 2 (injected by ingot sim)";
        machine.Report($"installer: {stage} failed, signal FAILED");
        await installer.SignalAsync("FAILED", [("error", error)], [("install.log", Encoding.UTF8.GetBytes($"{stage}\n{error}\n"))], ct);
        await installer.ReportAsync(endpoint, "curtin", "finish", stage, $"{stage} failed", "FAIL", ct);
        await installer.ReportAsync(endpoint, "curtin", "finish", "cmd-install", "curtin command install", "FAIL", ct);
        return EphemeralEnd.StayOn;
    }

    /// <summary>The installed system's first boot: cloud-init's datasource reads, then its stages to the webhook.</summary>
    public static async Task<EphemeralEnd> FirstBootAsync(MetadataClient system, InstalledSystem installed, SimulatedMachine machine, CancellationToken ct)
    {
        machine.Report("deployed OS: cloud-init reading meta-data");
        foreach (string item in new[] { "instance-id", "local-hostname", "public-keys", "vendor-data" })
        {
            await system.GetAsync($"2012-03-01/meta-data/{item}", ct);
        }

        (HttpStatusCode status, _) = await system.GetAsync("2012-03-01/user-data", ct);
        machine.Report($"deployed OS: user-data {(int)status}");
        foreach (string stage in CloudInitStages)
        {
            await system.ReportAsync(installed.WebhookEndpoint, "cloudinit", "start", stage, $"running {stage}", null, ct);
            await system.ReportAsync(installed.WebhookEndpoint, "cloudinit", "finish", stage, $"{stage} finished", "SUCCESS", ct);
        }

        machine.Report("deployed OS: up");
        return EphemeralEnd.StayOn;
    }
}
