using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Networks;

/// <summary>The link ops' status refusal, now decided by Core's <c>InterfaceEditRules.Link</c>, keeps its 409 text.</summary>
public sealed class InterfaceLinkRefusalTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Linking_an_interface_of_a_Deployed_machine_is_a_409_with_the_status_list_and_changes_nothing()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, _) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        string mac = $"52:54:00:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}";
        Machine machine = await TestMachines.AddAsync(host, configure: m =>
        {
            m.Interfaces.Add(TestMachines.Nic("eth0", mac));
            m.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, DateTime.UnixEpoch, "admin");
        });
        long nicId = (await TestMachines.FindAsync(host, machine.SystemId))!.Interfaces[0].Id;

        var (status, body) = await NetworkClient.FailAsync(admin.PostAsync($"nodes/{machine.SystemId}/interfaces/{nicId}/?op=link_subnet", ("mode", "dhcp"), ("subnet", cidr)));

        Assert.Equal((HttpStatusCode.Conflict, "Cannot link interface because the machine is not New, Ready, Allocated, or Broken."), (status, body));
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Interfaces[0].Links);
    }
}
