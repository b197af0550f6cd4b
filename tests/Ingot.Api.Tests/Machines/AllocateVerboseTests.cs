using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>op=allocate</c> with <c>verbose</c>: <c>constraints_by_type</c> gains <c>verbose_storage</c> (machine id → block
/// device id → label) and <c>verbose_interfaces</c> (label → machine id → interface ids) over every candidate.
/// </summary>
public sealed class AllocateVerboseTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Verbose_reports_the_storage_and_interface_matches_of_every_candidate()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine small = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 2; });
        Machine big = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 16; });

        using var response = await host.Client(user.ApiKey).PostCliAsync(MachineRequests.Machines, "allocate",
            ("zone", zone), ("storage", "root:100"), ("interfaces", "net:name=eth0"), ("verbose", "true"));
        JsonElement json = await response.OkJsonAsync();

        string expected =
            "{\"storage\":{\"root\":[" + small.BlockDevices[0].Id + "]},\"interfaces\":{\"net\":[" + small.Interfaces[0].Id + "]}," +
            "\"verbose_storage\":{\"" + small.Id + "\":{\"" + small.BlockDevices[0].Id + "\":\"root\"},\"" + big.Id + "\":{\"" + big.BlockDevices[0].Id + "\":\"root\"}}," +
            "\"verbose_interfaces\":{\"net\":{\"" + small.Id + "\":[" + small.Interfaces[0].Id + "],\"" + big.Id + "\":[" + big.Interfaces[0].Id + "]}}}";
        Assert.Equal(small.SystemId, json.Str("system_id"));
        Assert.Equal(expected, json.GetProperty("constraints_by_type").GetRawText());
        Assert.Equal(MachineStatus.Allocated, (await host.FindAsync(small.SystemId))!.Status);
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(big.SystemId))!.Status);
    }

    [Fact]
    public async Task Verbose_without_storage_or_interfaces_adds_two_empty_objects_and_dry_run_still_allocates_nothing()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync(m => m.Zone = zone);

        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("verbose", "true"), ("dry_run", "true"));
        JsonElement json = await response.OkJsonAsync();
        using var plain = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("verbose", "false"), ("dry_run", "true"));

        Assert.Equal("{\"verbose_storage\":{},\"verbose_interfaces\":{}}", json.GetProperty("constraints_by_type").GetRawText());
        Assert.Equal("{}", (await plain.OkJsonAsync()).GetProperty("constraints_by_type").GetRawText());
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(machine.SystemId))!.Status);
    }
}
