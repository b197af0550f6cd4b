using System.Net;
using Ingot.Api.Tests.Deployment;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// A machine op whose save loses the machine's compare-and-set to another writer (the power executor
/// recording a claim or a result) is run again from its reads, as MAAS runs a request again after a
/// serialisation failure: the caller gets the op's own answer, and the other writer's change is kept.
/// Only a machine that loses every attempt gives the caller the 409.
/// </summary>
public sealed class OpRetryTests(InterferingStoreHost host) : IClassFixture<InterferingStoreHost>
{
    [Fact]
    public async Task Abort_that_loses_its_save_to_a_power_write_is_decided_again_and_aborts()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        PowerState before = machine.PowerState;

        using HttpResponseMessage response = await InterferedAsync(machine.SystemId, 1, () =>
            host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "abort"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("New", (await response.OkJsonAsync()).Str("status_name"));
        Machine saved = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(MachineStatus.New, saved.Status);
        Assert.NotEqual(before, saved.PowerState);
    }

    [Fact]
    public async Task Deploy_that_loses_its_save_twice_still_deploys_once()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(admin);

        using HttpResponseMessage response = await InterferedAsync(machine.SystemId, 2, () =>
            host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "deploy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Deploying", (await response.OkJsonAsync()).Str("status_name"));
        Machine saved = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(MachineStatus.Deploying, saved.Status);
        Assert.Equal(admin.Username, saved.Owner);
    }

    [Fact]
    public async Task Lock_that_loses_every_save_is_409_and_leaves_the_machine_unlocked()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.DeployingAsync(admin);
        int collisions = host.Store.Collisions;

        using HttpResponseMessage response = await InterferedAsync(machine.SystemId, int.MaxValue, () =>
            host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "lock"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("was changed by another request", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(collisions + ConflictRetry.Attempts, host.Store.Collisions);
        Assert.False((await host.FindAsync(machine.SystemId))!.Locked);
    }

    /// <summary>Runs <paramref name="send"/> while the next <paramref name="interferences"/> saves of the machine lose.</summary>
    private async Task<HttpResponseMessage> InterferedAsync(string systemId, int interferences, Func<Task<HttpResponseMessage>> send)
    {
        host.Store.Target = systemId;
        host.Store.Interferences = interferences;
        int collisions = host.Store.Collisions;
        try
        {
            HttpResponseMessage response = await send();
            Assert.True(host.Store.Collisions > collisions, "no save of the machine was interfered with");
            return response;
        }
        finally
        {
            host.Store.Target = null;
            host.Store.Interferences = 0;
        }
    }
}
