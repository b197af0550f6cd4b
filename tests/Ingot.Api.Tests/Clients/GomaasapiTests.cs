using Ingot.Api.Tests.Deployment;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Clients;

/// <summary>
/// juju's Go client (gomaasapi 2.0.0, as Debian ships it) drives Ingot through juju's flow: connect,
/// list, allocate with constraints, deploy, release. The program fails on the first error.
/// </summary>
public sealed class GomaasapiTests(ApiHost host, GomaasapiProgram program) : IClassFixture<ApiHost>, IClassFixture<GomaasapiProgram>
{
    private static readonly TimeSpan s_flowTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Gomaasapi_connects_lists_allocates_deploys_and_releases_against_Ingot()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string zone = await host.ZoneAsync();
        string tag = await host.TagAsync();
        string otherTag = await host.TagAsync();
        Machine small = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 2; m.Tags.Add(tag); });
        Machine wanted = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 8; m.Memory = 16384; m.Tags.Add(tag); });
        Machine excluded = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 8; m.Memory = 16384; m.Tags.AddRange([tag, otherTag]); });
        foreach (Machine machine in new[] { small, wanted, excluded })
        {
            // What deploy checks: the jammy image and a layout with a root filesystem.
            await host.PrepareDeployAsync(machine.SystemId, "ubuntu/jammy");
        }

        string url = $"http://127.0.0.1:{host.BaseAddress.Port}/MAAS/";
        ProcessOutcome run = await ProcessOutcome.RunAsync(program.Path,
            ["-url", url, "-apikey", admin.ApiKey, "-zone", zone, "-tags", tag, "-not-tags", otherTag,
             "-cpu-count", "4", "-mem", "8192", "-arch", "amd64", "-agent-name", "juju-model-1", "-distro-series", "jammy"],
            s_flowTimeout);

        Assert.True(run.ExitCode == 0, $"gomaasapi flow exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains($"allocated {wanted.SystemId}", run.Output, StringComparison.Ordinal);
        Machine released = (await host.FindAsync(wanted.SystemId))!;
        Assert.Equal(MachineStatus.Ready, released.Status);
        Assert.Null(released.Owner);
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(small.SystemId))!.Status);
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(excluded.SystemId))!.Status);
    }
}
