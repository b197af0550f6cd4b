using Ingot.Core.Enlistment;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Enlistment;

public class MachineEnlisterTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private static readonly Actor s_user = Actor.User("alice");
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly MachineEnlister _enlister;

    public MachineEnlisterTests() =>
        _enlister = new MachineEnlister(_store, _time, new LifecycleSettings(nodeTimeout: 20), new SystemIdGenerator(new Random(1)), new HostnameGenerator(new Random(2)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static MachineRequest Request(string mac = "52:54:00:00:00:01", string? powerType = "manual") => new()
    {
        Hostname = "node1",
        Architecture = "amd64/generic",
        MacAddresses = [mac],
        PowerType = powerType,
    };

    [Fact]
    public async Task Admin_add_starts_commissioning_with_owner_expiry_and_running_results()
    {
        Machine machine = await _enlister.AddAsync(Request(), s_admin, Ct);

        Assert.Equal(MachineStatus.Commissioning, machine.Status);
        Assert.Equal("admin", machine.Owner);
        Assert.Equal(Now.AddMinutes(20), machine.StatusExpires);
        Assert.Equal(ScriptSetStatus.Running, machine.CommissioningResult);
        IReadOnlyList<MachineEvent> events = await _store.EventsAsync(machine.SystemId, Ct);
        Assert.Contains(events, e => e.Type == "REQUEST_NODE_START_COMMISSIONING");
        Assert.Contains(events, e => e.FromStatus == MachineStatus.New && e.ToStatus == MachineStatus.Commissioning);
    }

    [Fact]
    public async Task Admin_add_stores_the_given_fields()
    {
        Machine machine = await _enlister.AddAsync(
            Request() with { Domain = "lab", Zone = "z1", Pool = "p1", Description = "rack 4", MinHweKernel = "hwe-22.04", PowerParameters = new Dictionary<string, string> { ["x"] = "y" } },
            s_admin,
            Ct);

        Machine stored = (await _store.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(("node1", "lab", "z1", "p1", "rack 4"), (stored.Hostname, stored.Domain, stored.Zone, stored.Pool, stored.Description));
        Assert.Equal("amd64/generic", stored.Architecture);
        Assert.Equal("hwe-22.04", stored.MinHweKernel);
        Assert.Equal("y", stored.PowerParameters["x"]);
        NetworkInterface nic = Assert.Single(stored.Interfaces);
        Assert.Equal(("eth0", "52:54:00:00:00:01"), (nic.Name, nic.MacAddress.ToString()));
        Assert.True(SystemIdGenerator.IsWellFormed(stored.SystemId));
    }

    [Fact]
    public async Task Admin_add_with_commission_false_stays_New()
    {
        Machine machine = await _enlister.AddAsync(Request() with { Commission = false }, s_admin, Ct);
        Assert.Equal(MachineStatus.New, machine.Status);
        Assert.Null(machine.Owner);
        Assert.Null(machine.StatusExpires);
    }

    [Fact]
    public async Task Admin_add_without_power_type_stays_New_as_MAAS_ignores_the_commission_error()
    {
        Machine machine = await _enlister.AddAsync(Request(powerType: ""), s_admin, Ct);
        Assert.Equal(MachineStatus.New, machine.Status);
        Assert.Null(machine.CommissioningResult);
    }

    [Fact]
    public async Task Non_admin_add_creates_a_New_machine()
    {
        Machine machine = await _enlister.AddAsync(Request(), s_user, Ct);
        Assert.Equal(MachineStatus.New, machine.Status);
        Assert.Null(machine.Owner);
        Assert.NotNull(await _store.FindAsync(machine.SystemId, Ct));
    }

    [Fact]
    public async Task Deployed_add_enters_Deployed_owned_by_the_admin_without_commissioning()
    {
        Machine machine = await _enlister.AddAsync(Request() with { Deployed = true }, s_admin, Ct);

        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Equal("admin", machine.Owner);
        Assert.Equal(ScriptSetStatus.Pending, machine.CommissioningResult);
        Assert.Null(machine.StatusExpires);
        IReadOnlyList<MachineEvent> events = await _store.EventsAsync(machine.SystemId, Ct);
        Assert.DoesNotContain(events, e => e.Type == "REQUEST_NODE_START_COMMISSIONING");
        Assert.Contains(events, e => e.ToStatus == MachineStatus.Deployed);
    }

    [Fact]
    public async Task Deployed_without_power_type_needs_no_architecture_or_macs()
    {
        Machine machine = await _enlister.AddAsync(new MachineRequest { Hostname = "old", Deployed = true }, s_admin, Ct);
        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Empty(machine.Interfaces);
    }

    [Fact]
    public async Task Ipmi_needs_no_architecture_or_macs_and_ignores_macs_without_architecture()
    {
        Machine machine = await _enlister.AddAsync(
            new MachineRequest { PowerType = "ipmi", MacAddresses = ["52:54:00:00:00:09"], Commission = false }, s_user, Ct);
        Assert.Empty(machine.Interfaces);
        Assert.Equal("", machine.Architecture);
    }

    [Fact]
    public async Task Missing_architecture_and_macs_are_required()
    {
        var error = await Assert.ThrowsAsync<MachineFormException>(() => _enlister.AddAsync(new MachineRequest { PowerType = "manual" }, s_admin, Ct));
        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        Assert.Equal(["This field is required."], error.Errors["architecture"]);
        Assert.Equal(["This field is required."], error.Errors["mac_addresses"]);
    }

    [Theory]
    [InlineData("amd64/hwe-22.04", null)]
    [InlineData("amd64", "ga-22.04")]
    [InlineData("amd64/hwe-t", null)]
    public async Task Hwe_in_architecture_is_refused(string arch, string? subarch)
    {
        var error = await Assert.ThrowsAsync<MachineOperationException>(() =>
            _enlister.AddAsync(Request() with { Architecture = arch, Subarchitecture = subarch }, s_admin, Ct));
        Assert.Equal("hwe kernel must be specified using the min_hwe_kernel argument.", error.Message);
        Assert.Equal(ErrorCategory.BadRequest, error.Category);
    }

    [Fact]
    public async Task Bad_min_hwe_kernel_is_refused()
    {
        var error = await Assert.ThrowsAsync<MachineOperationException>(() =>
            _enlister.AddAsync(Request() with { MinHweKernel = "xenial" }, s_admin, Ct));
        Assert.Equal("min_hwe_kernel must start with \"hwe-\" or \"ga-\"", error.Message);
    }

    [Fact]
    public async Task Architecture_without_subarchitecture_gets_generic()
    {
        Machine machine = await _enlister.AddAsync(Request() with { Architecture = "arm64" }, s_user, Ct);
        Assert.Equal("arm64/generic", machine.Architecture);
    }

    [Fact]
    public async Task Malformed_mac_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<MachineFormException>(() => _enlister.AddAsync(Request("not-a-mac"), s_admin, Ct));
        Assert.Equal(["'not-a-mac' is not a valid MAC address."], error.Errors["mac_addresses"]);
        Assert.Contains("'not-a-mac' is not a valid MAC address.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_macs_are_merged_into_one_summary()
    {
        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.AddAsync(Request() with { MacAddresses = ["52:54:00:00:00:01", "zz", "yy"] }, s_admin, Ct));
        Assert.Equal(
            ["One or more MAC addresses is invalid. ('zz' is not a valid MAC address. \u2014 'yy' is not a valid MAC address.)"],
            error.Errors["mac_addresses"]);
    }

    [Fact]
    public async Task Mac_in_use_names_the_machine_that_has_it()
    {
        await _enlister.AddAsync(Request("52:54:00:AA:BB:CC") with { Hostname = "first" }, s_admin, Ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.AddAsync(Request("52-54-00-aa-bb-cc") with { Hostname = "second" }, s_admin, Ct));
        Assert.Equal(["MAC address 52:54:00:aa:bb:cc already in use on first."], error.Errors["mac_addresses"]);
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Theory]
    [InlineData("192-168-1-10")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Ip_based_or_missing_hostname_is_replaced_by_a_petname(string? hostname)
    {
        Machine machine = await _enlister.AddAsync(Request() with { Hostname = hostname }, s_user, Ct);
        Assert.NotEqual(hostname, machine.Hostname);
        Assert.Equal(2, machine.Hostname.Split('-').Length);
        Assert.Contains(machine.Hostname.Split('-')[1], HostnameGenerator.Nouns);
    }

    [Fact]
    public async Task Anonymous_enlistment_creates_a_New_machine()
    {
        EnlistmentResult result = await _enlister.EnlistAsync(Request(), Ct);
        Assert.True(result.Created);
        Assert.Equal(MachineStatus.New, result.Machine.Status);
        Assert.False(result.Machine.Enlisting);
    }

    [Fact]
    public async Task Anonymous_enlistment_with_commission_is_Commissioning_and_enlisting()
    {
        EnlistmentResult result = await _enlister.EnlistAsync(Request() with { Commission = true }, Ct);
        Assert.Equal(MachineStatus.Commissioning, result.Machine.Status);
        Assert.True(result.Machine.Enlisting);
        Assert.Null(result.Machine.Owner);
        Assert.Null(result.Machine.StatusExpires);
    }

    [Fact]
    public async Task Anonymous_enlistment_always_needs_an_architecture()
    {
        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.EnlistAsync(new MachineRequest { PowerType = "ipmi", PowerParameters = new Dictionary<string, string> { ["power_address"] = "10.9.9.9" } }, Ct));
        Assert.Equal(["This field is required."], error.Errors["architecture"]);
    }

    [Fact]
    public async Task Anonymous_ipmi_enlistment_updates_the_machine_with_that_power_address()
    {
        Machine existing = await _enlister.AddAsync(
            new MachineRequest { Hostname = "bmc-box", PowerType = "ipmi", PowerParameters = new Dictionary<string, string> { ["power_address"] = "10.0.0.5" }, Commission = false },
            s_admin,
            Ct);

        EnlistmentResult result = await _enlister.EnlistAsync(
            Request("52:54:00:00:00:77") with { Hostname = "other", Architecture = "arm64/generic", PowerType = "ipmi", PowerParameters = new Dictionary<string, string> { ["power_address"] = "10.0.0.5", ["power_user"] = "maas" } },
            Ct);

        Assert.False(result.Created);
        Assert.Same(existing, result.Machine);
        Assert.Equal("bmc-box", result.Machine.Hostname);
        Assert.Equal("arm64/generic", result.Machine.Architecture);
        Assert.Equal("maas", result.Machine.PowerParameters["power_user"]);
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Fact]
    public async Task Anonymous_enlistment_matches_any_known_mac_of_a_New_or_Commissioning_machine()
    {
        Machine existing = await _enlister.AddAsync(Request("52:54:00:00:00:02") with { Hostname = "known" }, s_admin, Ct);
        Assert.Equal(MachineStatus.Commissioning, existing.Status);

        EnlistmentResult result = await _enlister.EnlistAsync(
            Request() with { Hostname = "ignored", MacAddresses = ["52:54:00:00:00:99", "52:54:00:00:00:02"] }, Ct);

        Assert.False(result.Created);
        Assert.Equal(existing.SystemId, result.Machine.SystemId);
        Assert.Equal("known", result.Machine.Hostname);
    }

    [Fact]
    public async Task Anonymous_enlistment_does_not_match_a_Ready_machine_and_reports_the_mac_in_use()
    {
        Machine ready = await _enlister.AddAsync(Request("52:54:00:00:00:03") with { Hostname = "ready", Commission = false }, s_admin, Ct);
        ready.TransitionTo(MachineStatus.Ready, Now);
        await _store.SaveAsync(ready, Ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() => _enlister.EnlistAsync(Request("52:54:00:00:00:03"), Ct));
        Assert.Equal(["MAC address 52:54:00:00:00:03 already in use on ready."], error.Errors["mac_addresses"]);
    }

    [Fact]
    public async Task Anonymous_enlistment_skips_mac_matching_when_any_mac_is_malformed()
    {
        await _enlister.AddAsync(Request("52:54:00:00:00:04") with { Commission = false }, s_admin, Ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.EnlistAsync(Request() with { MacAddresses = ["52:54:00:00:00:04", "bogus"] }, Ct));
        Assert.Contains("'bogus' is not a valid MAC address.", Assert.Single(error.Errors["mac_addresses"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_machine_under_a_taken_hostname_is_maas_form_error_with_every_field_error_and_stores_nothing()
    {
        Machine first = await _enlister.AddAsync(Request("52:54:00:00:00:05") with { Hostname = "taken", Commission = false }, s_admin, Ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.AddAsync(Request("52:54:00:00:00:05") with { Hostname = "taken" }, s_admin, Ct));

        Assert.Equal(["Node with this Hostname already exists."], error.Errors["hostname"]);
        Assert.Equal(["MAC address 52:54:00:00:00:05 already in use on taken."], error.Errors["mac_addresses"]);
        Assert.Equal([first.SystemId], (await _store.ListAsync(Ct)).Select(m => m.SystemId));
    }

    [Fact]
    public async Task Anonymous_enlistment_asking_for_a_taken_hostname_is_refused_as_maas_form_does()
    {
        await _enlister.AddAsync(Request("52:54:00:00:00:06") with { Hostname = "asked", Commission = false }, s_admin, Ct);

        var error = await Assert.ThrowsAsync<MachineFormException>(() =>
            _enlister.EnlistAsync(Request("52:54:00:00:00:07") with { Hostname = "asked" }, Ct));

        Assert.Equal(["Node with this Hostname already exists."], Assert.Single(error.Errors).Value);
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Fact]
    public async Task Enlistment_sending_an_ip_based_hostname_another_machine_has_gets_a_generated_name_not_an_error()
    {
        await _store.AddAsync(Machine.Create("ipname", "10-0-0-9", Now), Ct);

        EnlistmentResult result = await _enlister.EnlistAsync(Request("52:54:00:00:00:09") with { Hostname = "10-0-0-9" }, Ct);

        Assert.True(result.Created);
        Assert.False(HostnameGenerator.NeedsReplacing(result.Machine.Hostname));
        Assert.Equal(2, (await _store.ListAsync(Ct)).Select(m => m.Hostname).Distinct(StringComparer.Ordinal).Count());
    }
}
