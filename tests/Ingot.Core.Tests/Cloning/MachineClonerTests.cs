using System.Net;
using Ingot.Core.Cloning;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Cloning;

public class MachineClonerTests
{
    private const long Gb = 1024L * 1024 * 1024;
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly MachineCloner _cloner;
    private int _macs;

    public MachineClonerTests() => _cloner = new MachineCloner(_store, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private async Task<Machine> AddAsync(string systemId, string hostname, MachineStatus status = MachineStatus.Ready, Action<Machine>? setup = null)
    {
        Machine machine = Machine.Create(systemId, hostname, Now);
        machine.Architecture = "amd64/generic";
        machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = 8 * Gb, IsBootDisk = true });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse($"52:54:00:00:00:{++_macs:x2}") });
        setup?.Invoke(machine);
        switch (status)
        {
            case MachineStatus.Ready:
                machine.TransitionTo(MachineStatus.Ready, Now);
                break;
            case MachineStatus.FailedTesting:
                machine.TransitionTo(MachineStatus.Testing, Now);
                machine.TransitionTo(MachineStatus.FailedTesting, Now);
                break;
            case MachineStatus.Deployed:
                machine.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, Now);
                break;
            default:
                break;
        }

        await _store.AddAsync(machine, Ct);
        return machine;
    }

    /// <summary>A source with a partitioned boot disk and eth0 on 10.0.0.0/29 with a static address, eth1 on DHCP.</summary>
    private Task<Machine> AddSourceAsync() => AddAsync("src111", "source", setup: m =>
    {
        m.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 512 * 1024 * 1024, Bootable = true, Filesystem = new Filesystem { Type = "fat32", MountPoint = "/boot/efi" } });
        m.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 7 * Gb, Filesystem = new Filesystem { Type = "ext4", MountPoint = "/" } });
        m.Interfaces[0].Vlan = 42;
        m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.0.0.0/29", IpAddress = "10.0.0.1" });
        m.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:ff:00:01") });
        m.Interfaces[1].Links.Add(new InterfaceLink { Mode = LinkMode.Dhcp, Subnet = "10.1.0.0/24", IpAddress = "10.1.0.50" });
        m.Interfaces.Add(new NetworkInterface { Name = "bond0", Type = InterfaceType.Bond, Parents = ["eth0", "eth1"] });
    });

    private Task<Machine> AddDestinationAsync(string systemId, string hostname, MachineStatus status = MachineStatus.Ready) =>
        AddAsync(systemId, hostname, status, m => m.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse($"52:54:00:ee:00:{++_macs:x2}") }));

    private static CloneRequest Both(string source, params string[] destinations) => new(source, destinations, Storage: true, Interfaces: true);

    [Fact]
    public async Task Clone_copies_storage_and_interfaces_and_records_the_audit_event()
    {
        Machine source = await AddSourceAsync();
        Machine dest = await AddDestinationAsync("dst111", "dest");
        MacAddress destMac = dest.Interfaces[0].MacAddress;

        IReadOnlyList<Machine> cloned = await _cloner.CloneAsync(Both("src111", "dst111"), s_admin, Ct);

        Assert.Same(dest, Assert.Single(cloned));
        Assert.Equal(["/boot/efi", "/"], dest.BlockDevices[0].Partitions.Select(p => p.Filesystem!.MountPoint));
        Assert.Equal(8 * Gb, dest.BlockDevices[0].SizeBytes);
        NetworkInterface eth0 = dest.Interfaces.Single(i => i.Name == "eth0");
        Assert.Equal(destMac, eth0.MacAddress);
        Assert.Equal(42, eth0.Vlan);
        InterfaceLink link = Assert.Single(eth0.Links);
        Assert.Equal((LinkMode.Static, "10.0.0.0/29"), (link.Mode, link.Subnet));
        Assert.NotEqual("10.0.0.1", link.IpAddress);
        Assert.True(AddressAllocator.Contains("10.0.0.0/29", IPAddress.Parse(link.IpAddress!)));
        InterfaceLink dhcp = Assert.Single(dest.Interfaces.Single(i => i.Name == "eth1").Links);
        Assert.Equal(LinkMode.Dhcp, dhcp.Mode);
        Assert.Null(dhcp.IpAddress);
        NetworkInterface bond = dest.Interfaces.Single(i => i.Name == "bond0");
        Assert.Equal(destMac, bond.MacAddress);
        Assert.Equal(2, dest.Version);
        Assert.Contains(await _store.EventsAsync("dst111", Ct), e => e.Type == "AUDIT" && e.Description == "Cloning from 'source'." && e.Username == "admin");
        Assert.Equal("10.0.0.1", source.Interfaces[0].Links[0].IpAddress);
    }

    [Fact]
    public async Task Each_destination_gets_its_own_free_address()
    {
        await AddSourceAsync();
        await AddAsync("other1", "other", MachineStatus.Deployed, m => m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.0.0.0/29", IpAddress = "10.0.0.2" }));
        Machine a = await AddDestinationAsync("dsta11", "a");
        Machine b = await AddDestinationAsync("dstb11", "b");

        await _cloner.CloneAsync(new CloneRequest("src111", ["dsta11", "dstb11"], Storage: false, Interfaces: true), s_admin, Ct);

        Assert.Equal("10.0.0.3", a.Interfaces[0].Links[0].IpAddress);
        Assert.Equal("10.0.0.4", b.Interfaces[0].Links[0].IpAddress);
    }

    [Fact]
    public async Task Exhausted_subnet_is_a_networking_error()
    {
        await AddAsync("src111", "source", setup: m => m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.0.0.0/30", IpAddress = "10.0.0.1" }));
        await AddAsync("other1", "other", MachineStatus.Deployed, m => m.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.0.0.0/30", IpAddress = "10.0.0.2" }));
        await AddAsync("dst111", "dest");

        var error = await Assert.ThrowsAsync<CloneValidationException>(() =>
            _cloner.CloneAsync(new CloneRequest("src111", ["dst111"], Storage: false, Interfaces: true), s_admin, Ct));
        CloneError item = Assert.Single(error.Errors);
        Assert.Equal((CloneErrorCodes.Networking, "dst111"), (item.Code, item.SystemId));
        Assert.Equal("dst111 (dest) is invalid: No more IPs available in subnet: 10.0.0.0/30.", item.Message);
    }

    [Fact]
    public async Task Empty_form_reports_every_required_field()
    {
        var error = await Assert.ThrowsAsync<CloneValidationException>(() =>
            _cloner.CloneAsync(new CloneRequest(null, null, Storage: false, Interfaces: false), s_admin, Ct));
        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        Assert.Equal(
            [("source", "This field is required."), ("destinations", "This field is required."), ("__all__", "Either storage or interfaces must be true.")],
            error.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(CloneErrorCodes.Required, error.Errors[2].Code);
    }

    [Fact]
    public async Task Unknown_source_is_not_a_valid_choice()
    {
        await AddDestinationAsync("dst111", "dest");
        var error = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("nope", "dst111"), s_admin, Ct));
        Assert.Equal("Select a valid choice. nope is not one of the available choices.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task Source_owned_by_someone_else_is_not_viewable_by_a_user()
    {
        Machine source = await AddSourceAsync();
        source.SetOwner("bob");
        var error = await Assert.ThrowsAsync<CloneValidationException>(() =>
            _cloner.CloneAsync(Both("src111", "x"), Actor.User("alice"), Ct));
        Assert.Contains(error.Errors, e => e.Field == "source" && e.Message == "Select a valid choice. src111 is not one of the available choices.");
    }

    [Theory]
    [InlineData(MachineStatus.New)]
    [InlineData(MachineStatus.Deployed)]
    public async Task Destination_not_Ready_or_Failed_testing_is_an_invalid_item(MachineStatus status)
    {
        await AddSourceAsync();
        await AddDestinationAsync("dst111", "dest", status);
        var error = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "dst111"), s_admin, Ct));
        CloneError item = Assert.Single(error.Errors);
        Assert.Equal("Machine 1 is invalid: Select a valid choice. dst111 is not one of the available choices.", item.Message);
        Assert.Equal(CloneErrorCodes.ItemInvalid, item.Code);
    }

    [Fact]
    public async Task Destinations_must_be_administrable()
    {
        await AddSourceAsync();
        Machine locked = await AddDestinationAsync("dst111", "locked");
        locked.SetLocked(true);
        await AddDestinationAsync("dst222", "free");

        var asAdmin = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "dst222", "dst111"), s_admin, Ct));
        Assert.Equal("Machine 2 is invalid: Select a valid choice. dst111 is not one of the available choices.", Assert.Single(asAdmin.Errors).Message);
        var asUser = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "dst222"), Actor.User("alice"), Ct));
        Assert.Equal("Machine 1 is invalid: Select a valid choice. dst222 is not one of the available choices.", Assert.Single(asUser.Errors).Message);
    }

    [Fact]
    public async Task Failed_testing_destination_found_by_hostname_can_be_cloned_to()
    {
        await AddSourceAsync();
        Machine dest = await AddDestinationAsync("dst111", "dest", MachineStatus.FailedTesting);
        IReadOnlyList<Machine> cloned = await _cloner.CloneAsync(Both("source", "dest"), s_admin, Ct);
        Assert.Same(dest, Assert.Single(cloned));
    }

    [Fact]
    public async Task Source_cannot_be_a_destination()
    {
        await AddSourceAsync();
        var error = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "src111"), s_admin, Ct));
        CloneError item = Assert.Single(error.Errors);
        Assert.Equal("Source machine src111 (source) cannot be a destination machine.", item.Message);
        Assert.Equal((CloneErrorCodes.IsSource, "src111"), (item.Code, item.SystemId));
    }

    [Fact]
    public async Task Storage_and_networking_errors_name_the_destination()
    {
        await AddSourceAsync();
        await AddAsync("dst111", "small", setup: m => m.BlockDevices[0].SizeBytes = 4 * Gb);

        var error = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "dst111"), s_admin, Ct));
        Assert.Equal(
            [
                (CloneErrorCodes.Storage, "dst111 (small) is invalid: destination boot disk(sda) is smaller than source boot disk(sda)"),
                (CloneErrorCodes.Networking, "dst111 (small) is invalid: destination node physical interfaces do not match the source nodes physical interfaces: eth1"),
            ],
            error.Errors.Select(e => (e.Code, e.Message)));
        Assert.All(error.Errors, e => Assert.Equal("dst111", e.SystemId));
    }

    [Fact]
    public async Task Missing_interface_names_are_all_listed()
    {
        await AddAsync("src111", "source", setup: m => m.Interfaces.Add(new NetworkInterface { Name = "eth2" }));
        await AddAsync("dst111", "dest", setup: m => m.Interfaces[0].Name = "enp1s0");
        var error = await Assert.ThrowsAsync<CloneValidationException>(() =>
            _cloner.CloneAsync(new CloneRequest("src111", ["dst111"], Storage: false, Interfaces: true), s_admin, Ct));
        Assert.EndsWith("physical interfaces: eth0, eth2", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_op_with_one_failing_destination_changes_nothing()
    {
        Machine source = await AddSourceAsync();
        Machine good = await AddDestinationAsync("dst111", "good");
        Machine bad = await AddAsync("dst222", "bad", setup: m => m.BlockDevices[0].SizeBytes = 4 * Gb);
        Machine[] machines = [source, good, bad];
        var before = machines.Select(Snapshot).ToList();
        var eventCounts = new List<int>();
        foreach (Machine m in machines)
        {
            eventCounts.Add((await _store.EventsAsync(m.SystemId, Ct)).Count);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<CloneValidationException>(() => _cloner.CloneAsync(Both("src111", "dst111", "dst222"), s_admin, Ct));

        Assert.All(error.Errors, e => Assert.Equal("dst222", e.SystemId));
        Assert.Equal(before, machines.Select(Snapshot));
        for (int i = 0; i < machines.Length; i++)
        {
            Assert.Equal(eventCounts[i], (await _store.EventsAsync(machines[i].SystemId, Ct)).Count);
            Assert.Empty(machines[i].PendingEvents);
        }
    }

    [Fact]
    public async Task Ui_action_drops_failing_destinations_and_clones_the_rest()
    {
        await AddSourceAsync();
        Machine good = await AddDestinationAsync("dst111", "good");
        Machine bad = await AddAsync("dst222", "bad", setup: m => m.BlockDevices[0].SizeBytes = 4 * Gb);
        string badBefore = Snapshot(bad);

        CloneOutcome outcome = await _cloner.CloneActionAsync("src111", ["dst111", "dst222", "src111"], storage: true, interfaces: false, s_admin, Ct);

        Assert.Same(good, Assert.Single(outcome.Cloned));
        Assert.Equal(2, good.BlockDevices[0].Partitions.Count);
        Assert.Equal(badBefore, Snapshot(bad));
        Assert.Contains(outcome.Errors, e => e is { Code: CloneErrorCodes.Storage, SystemId: "dst222" } && e.Message.StartsWith("dst222 (bad) is invalid: ", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e is { Code: CloneErrorCodes.IsSource, SystemId: "src111" });
        Assert.Contains(await _store.EventsAsync("dst111", Ct), e => e.Description == "Cloning from 'source'.");
    }

    [Fact]
    public async Task Ui_action_drops_a_destination_that_fails_only_the_interface_check()
    {
        await AddSourceAsync();
        Machine good = await AddDestinationAsync("dst111", "good");
        await AddAsync("dst222", "one-nic");

        CloneOutcome outcome = await _cloner.CloneActionAsync("src111", ["dst111", "dst222"], storage: false, interfaces: true, s_admin, Ct);

        Assert.Same(good, Assert.Single(outcome.Cloned));
        CloneError error = Assert.Single(outcome.Errors);
        Assert.Equal((CloneErrorCodes.Networking, "dst222"), (error.Code, error.SystemId));
    }

    [Fact]
    public async Task Ui_action_with_an_invalid_item_clones_nothing()
    {
        await AddSourceAsync();
        Machine good = await AddDestinationAsync("dst111", "good");
        string before = Snapshot(good);

        CloneOutcome outcome = await _cloner.CloneActionAsync("src111", ["dst111", "missing"], storage: true, interfaces: true, s_admin, Ct);

        Assert.Empty(outcome.Cloned);
        Assert.Equal(CloneErrorCodes.ItemInvalid, Assert.Single(outcome.Errors).Code);
        Assert.Equal(before, Snapshot(good));
    }

    [Fact]
    public async Task Ui_action_with_only_valid_destinations_reports_no_errors()
    {
        await AddSourceAsync();
        await AddDestinationAsync("dst111", "a");
        await AddDestinationAsync("dst222", "b");

        CloneOutcome outcome = await _cloner.CloneActionAsync("src111", ["dst111", "dst222"], storage: true, interfaces: true, s_admin, Ct);

        Assert.Equal(["dst111", "dst222"], outcome.Cloned.Select(m => m.SystemId));
        Assert.Empty(outcome.Errors);
    }

    private static string Snapshot(Machine m) =>
        $"{m.Status}|{m.Version}|{m.Updated:O}|"
        + string.Join(";", m.BlockDevices.Select(d => $"{d.Name}:{d.SizeBytes}:{d.Partitions.Count}:{d.Filesystem?.Type}:{string.Join(",", d.Partitions.Select(p => p.Filesystem?.MountPoint))}"))
        + "|"
        + string.Join(";", m.Interfaces.Select(i => $"{i.Name}:{i.Type}:{i.MacAddress}:{i.Vlan}:{string.Join(",", i.Links.Select(l => $"{l.Mode}/{l.Subnet}/{l.IpAddress}"))}"));
}
