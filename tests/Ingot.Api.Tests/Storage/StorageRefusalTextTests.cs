using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Storage;

/// <summary>The storage API's refusals, now decided by Core's <c>StorageEditRules</c>, keep MAAS's status codes and texts.</summary>
public sealed class StorageRefusalTextTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_non_admin_formatting_on_a_Ready_machine_gets_MAAS_403_text()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine ready = await host.ReadyAsync();
        HttpResponseMessage refused = await host.Client(user.ApiKey).PostOpAsync(Node(ready, $"blockdevices/{ready.BlockDevices[0].Id}/"), "format", ("fstype", "ext4"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Cannot format block device because you don't have the permissions on a Ready machine.", await refused.TextAsync());
        Assert.Null((await host.FindAsync(ready.SystemId))!.BlockDevices[0].Filesystem);
    }

    [Fact]
    public async Task Formatting_on_a_Deploying_machine_gets_MAAS_409_text()
    {
        ApiUser owner = await host.CreateUserAsync();
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine deploying = await host.DeployingAsync(owner);
        HttpResponseMessage refused = await admin.PostOpAsync(Node(deploying, $"blockdevices/{deploying.BlockDevices[0].Id}/"), "format", ("fstype", "ext4"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Cannot format block device because the machine is not Ready or Allocated.", await refused.TextAsync());
    }

    [Fact]
    public async Task The_owner_of_an_Allocated_machine_may_not_create_a_partition_and_nothing_changes()
    {
        ApiUser owner = await host.CreateUserAsync();
        Machine allocated = await host.AllocatedAsync(owner);
        long disk = allocated.BlockDevices[0].Id;
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("size", "1G")]);
        HttpResponseMessage refused = await host.Client(owner.ApiKey).PostAsync(Node(allocated, $"blockdevices/{disk}/partitions/"), form, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty((await host.FindAsync(allocated.SystemId))!.BlockDevices[0].Partitions);
    }

    private static string Node(Machine machine, string rest) => $"MAAS/api/2.0/nodes/{machine.SystemId}/{rest}";
}
