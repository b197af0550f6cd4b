using Ingot.Core.Boot;
using Ingot.Core.Enlistment;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Tests.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Deployment;

/// <summary>
/// MAAS's deploy-time network check (<c>Node._start_deployment</c>: <c>on_network()</c> false →
/// <c>ValidationError({"network": ["Node must be configured to use a network"]})</c>): which links count, that the REST
/// op and the UI action refuse alike and change nothing, and where it sits among the other deploy checks.
/// </summary>
public sealed class NetworkCheckTests
{
    private static readonly CancellationToken s_ct = CancellationToken.None;
    private static readonly Actor s_alice = Actor.User(MachineFixture.Alice);

    /// <summary>MAAS's <c>on_network</c>: a link not LINK_UP that has a subnet, on any interface.</summary>
    [Theory]
    [InlineData(LinkMode.Auto, "10.0.0.0/24", true)]
    [InlineData(LinkMode.Static, "10.0.0.0/24", true)]
    [InlineData(LinkMode.Dhcp, "10.0.0.0/24", true)]
    [InlineData(LinkMode.Dhcp, null, false)]
    [InlineData(LinkMode.LinkUp, "10.0.0.0/24", false)]
    [InlineData(LinkMode.LinkUp, null, false)]
    public void A_machine_is_on_a_network_when_some_link_other_than_link_up_names_a_subnet(LinkMode mode, string? subnet, bool expected)
    {
        Machine machine = Unlinked(MachineStatus.Ready);
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = mode, Subnet = subnet });

        Assert.Equal(expected, machine.OnNetwork);
    }

    [Fact]
    public void Every_interface_counts_not_only_the_boot_interface_and_none_means_no_network()
    {
        Machine machine = Unlinked(MachineStatus.Ready);
        Assert.False(machine.OnNetwork);
        machine.Interfaces.Add(new NetworkInterface
        {
            Name = "bond0",
            Type = InterfaceType.Bond,
            Parents = ["eth0"],
            Links = [new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.1.0.0/24", IpAddress = "10.1.0.5" }],
        });
        Assert.True(machine.OnNetwork);

        machine.Interfaces.Clear();
        Assert.False(machine.OnNetwork);
    }

    [Theory]
    [InlineData(MachineStatus.Ready)]
    [InlineData(MachineStatus.Allocated)]
    public async Task The_deploy_op_refuses_a_machine_with_no_network_and_changes_nothing(MachineStatus status)
    {
        Machine machine = Unlinked(status, status == MachineStatus.Ready ? null : MachineFixture.Alice);
        var store = await MachineFixture.StoreWith(machine);
        IReadOnlyList<MachineEvent> before = await store.EventsAsync("abc123", s_ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() => Operations(store).DeployAsync("abc123", s_alice, null, s_ct));

        AssertRefused(error);
        await AssertUnchangedAsync(store, status, status == MachineStatus.Ready ? null : MachineFixture.Alice, before.Count);
    }

    [Theory]
    [InlineData(MachineStatus.Ready)]
    [InlineData(MachineStatus.Allocated)]
    public async Task The_deploy_action_refuses_a_machine_with_no_network_and_changes_nothing(MachineStatus status)
    {
        Machine machine = Unlinked(status, status == MachineStatus.Ready ? null : MachineFixture.Alice);
        var store = await MachineFixture.StoreWith(machine);
        IReadOnlyList<MachineEvent> before = await store.EventsAsync("abc123", s_ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() => Actions(store).ExecuteAsync("abc123", NodeActions.Deploy, s_alice, null, s_ct));

        AssertRefused(error);
        await AssertUnchangedAsync(store, status, status == MachineStatus.Ready ? null : MachineFixture.Alice, before.Count);
    }

    [Fact]
    public async Task Deploy_to_memory_needs_a_network_too()
    {
        Machine machine = Unlinked(MachineStatus.Ready);
        machine.BlockDevices.Clear();
        var store = await MachineFixture.StoreWith(machine);
        int events = (await store.EventsAsync("abc123", s_ct)).Count;

        var error = await Assert.ThrowsAsync<MachineFormException>(() => Operations(store).DeployAsync(
            "abc123", s_alice, new DeployOptions(EphemeralDeploy: true), s_ct));

        AssertRefused(error);
        await AssertUnchangedAsync(store, MachineStatus.Ready, null, events);
    }

    [Fact]
    public async Task The_same_machine_deploys_once_its_boot_interface_has_the_link_commissioning_gives_it()
    {
        Machine machine = Unlinked(MachineStatus.Ready);
        machine.Interfaces[0].Links.Add(MachineFixture.BootLink());
        var store = await MachineFixture.StoreWith(machine);

        Machine deploying = await Operations(store).DeployAsync("abc123", s_alice, null, s_ct);

        Assert.Equal((MachineStatus.Deploying, MachineFixture.Alice), (deploying.Status, deploying.Owner));
    }

    /// <summary>MAAS's order: the boot image (<c>_start</c>), then the network, then the storage (<c>_start_deployment</c>).</summary>
    [Fact]
    public async Task The_image_check_comes_first_then_the_network_then_the_storage()
    {
        Machine unlinked = Unlinked(MachineStatus.Allocated, MachineFixture.Alice);
        Machine linked = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice, "def456");

        var noImage = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            new DeploymentChecks(new Images(null)).CheckAsync(unlinked, DeployOptions.Default, s_ct));
        var network = await Assert.ThrowsAsync<MachineFormException>(() =>
            new DeploymentChecks(new Images(Noble)).CheckAsync(unlinked, DeployOptions.Default, s_ct));
        var storage = await Assert.ThrowsAsync<MachineFormException>(() =>
            new DeploymentChecks(new Images(Noble)).CheckAsync(linked, DeployOptions.Default, s_ct));

        Assert.Equal("Deployment operating system ubuntu/noble is unavailable for amd64/generic.", noImage.Message);
        Assert.Equal(["network"], network.Errors.Keys);
        Assert.Equal(["storage"], storage.Errors.Keys);
    }

    private static BootImage Noble { get; } = new("ubuntu", "noble", "amd64/generic", new Dictionary<string, BootImageFile>());

    /// <summary>The fixture's machine with its boot interface's link taken away (never commissioned onto a network).</summary>
    private static Machine Unlinked(MachineStatus status, string? owner = null)
    {
        Machine machine = MachineFixture.InStatus(status, owner);
        machine.Interfaces[0].Links.Clear();
        return machine;
    }

    private static void AssertRefused(MachineFormException error)
    {
        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        KeyValuePair<string, IReadOnlyList<string>> field = Assert.Single(error.Errors);
        Assert.Equal(("network", "Node must be configured to use a network"), (field.Key, Assert.Single(field.Value)));
    }

    private static async Task AssertUnchangedAsync(Fakes.InMemoryMachineStore store, MachineStatus status, string? owner, int events)
    {
        Machine stored = (await store.FindAsync("abc123", s_ct))!;
        Assert.Equal((status, owner), (stored.Status, stored.Owner));
        Assert.Equal(events, (await store.EventsAsync("abc123", s_ct)).Count);
        Assert.Equal(PowerRequest.None, stored.RequestedPower);
    }

    private static MachineOperations Operations(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

    private static MachineActions Actions(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

    private sealed class Images(BootImage? image) : IBootImageCatalog
    {
        public Task<BootImage?> FindAsync(string osystem, string series, string architecture, CancellationToken ct) => Task.FromResult(image);

        public Task<IReadOnlyList<BootImage>> ListAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<BootImage>>(image is null ? [] : [image]);
    }
}
