using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Filters;

public class MachineFilterTests
{
    private static readonly DateTime s_now = new(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private static Dictionary<string, IReadOnlyList<string>> Form(params (string Key, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]);

    private static MachineFilter Read(params (string, string)[] pairs) => MachineFilter.Parse(Form(pairs), FilterVocabulary.Unchecked, allocating: false);

    private static MachineFilter Allocate(params (string, string)[] pairs) => MachineFilter.Parse(Form(pairs), FilterVocabulary.Unchecked, allocating: true);

    private static Machine Make(string systemId, Action<Machine>? setup = null)
    {
        Machine m = MachinesInStatus.Create(MachineStatus.Ready, s_now, systemId);
        m.Hostname = systemId + "-host";
        m.Architecture = "amd64/generic";
        m.CpuCount = 4;
        m.Memory = 8192;
        m.Interfaces.Add(new NetworkInterface { Id = 1, Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:00:01"), LinkSpeed = 1000 });
        m.BlockDevices.Add(new BlockDevice { Id = 10, Name = "sda", SizeBytes = 100_000_000_000, IsBootDisk = true });
        setup?.Invoke(m);
        return m;
    }

    [Theory]
    [InlineData("hostname", "abc-host", true)]
    [InlineData("hostname", "other", false)]
    [InlineData("not_hostname", "abc-host", false)]
    [InlineData("id", "abc", true)]
    [InlineData("not_id", "abc", false)]
    [InlineData("status", "ready", true)]
    [InlineData("status", "new", false)]
    [InlineData("not_status", "ready", false)]
    [InlineData("simple_status", "ready", true)]
    [InlineData("arch", "amd64", true)]
    [InlineData("arch", "amd64/generic", true)]
    [InlineData("arch", "arm64", false)]
    [InlineData("zone", "default", true)]
    [InlineData("not_in_zone", "default", false)]
    [InlineData("pool", "default", true)]
    [InlineData("domain", "maas", true)]
    [InlineData("cpu_count", "4", true)]
    [InlineData("cpu_count", "4.5", false)]
    [InlineData("mem", "8192", true)]
    [InlineData("mem", "8193", false)]
    [InlineData("mac_address", "52-54-00-00-00-01", true)]
    [InlineData("mac_address", "52:54:00:00:00:02", false)]
    [InlineData("link_speed", "1000", true)]
    [InlineData("link_speed", "10000", false)]
    [InlineData("fabrics", "fabric-0", false)]
    [InlineData("not_fabrics", "fabric-0", true)]
    [InlineData("not_subnets", "space:2", true)]
    public void Each_filter_selects_what_MAAS_selects(string key, string value, bool matches)
    {
        Assert.Equal(matches, Read((key, value)).Matches(Make("abc")));
    }

    [Fact]
    public void Repeated_values_are_any_of_and_tags_are_all_of()
    {
        Machine m = Make("abc", x => x.Tags.AddRange(["gpu", "ssd"]));
        Assert.True(Read(("hostname", "nope"), ("hostname", "abc-host")).Matches(m));
        Assert.True(Read(("tags", "gpu,ssd")).Matches(m));
        Assert.True(Read(("tags", "gpu ssd")).Matches(m));
        Assert.False(Read(("tags", "gpu"), ("tags", "nvme")).Matches(m));
        Assert.False(Read(("not_tags", "ssd")).Matches(m));
    }

    [Fact]
    public void An_unknown_key_is_no_such_constraint_and_ignored_keys_are_ignored()
    {
        var e = Assert.Throws<MachineFormException>(() => Read(("colour", "red"), ("op", "allocate"), ("comment", "x")));
        Assert.Equal(["No such constraint."], e.Errors["colour"]);
        Assert.Single(e.Errors);
        Assert.Equal(Core.Machines.ErrorCategory.BadRequest, e.Category);
    }

    [Theory]
    [InlineData("cpu_count", "many", "Invalid CPU count: number required.")]
    [InlineData("mem", "lots", "Invalid memory: number of MiB required.")]
    [InlineData("cpu_speed", "fast", "Invalid CPU speed: number required.")]
    [InlineData("storage", "root:big", "Malformed storage constraint, \"root:big\".")]
    [InlineData("interfaces", "eth0", "Malformed interfaces constraint, \"eth0\".")]
    [InlineData("interfaces", "a:colour=red", "Malformed interfaces constraint, \"a:colour=red\".")]
    public void Malformed_values_get_MAAS_texts(string key, string value, string message)
    {
        var e = Assert.Throws<MachineFormException>(() => Allocate((key, value)));
        Assert.Equal([message], e.Errors[key]);
    }

    [Fact]
    public void Unknown_zones_pools_and_tags_are_refused_with_MAAS_texts()
    {
        var vocabulary = new FilterVocabulary(
            Zones: new HashSet<string> { "default" }, Pools: new HashSet<string> { "default" }, Tags: new HashSet<string> { "gpu" });
        var e = Assert.Throws<MachineFormException>(() => MachineFilter.Parse(
            Form(("zone", "zone-abc"), ("not_in_pool", "p9"), ("tags", "gpu,x,y")), vocabulary, allocating: true));

        Assert.Equal(["No such zone(s): zone-abc."], e.Errors["zone"]);
        Assert.Equal(["No such pool(s): p9."], e.Errors["pool"]);
        Assert.Equal(["No such tag(s): 'x', 'y'."], e.Errors["tags"]);
    }

    [Fact]
    public void Allocate_name_matches_hostname_or_fqdn_and_agent_name_is_not_a_constraint()
    {
        MachineFilter byFqdn = Allocate(("name", "abc-host.maas"), ("agent_name", "juju"));
        Assert.True(byFqdn.Matches(Make("abc")));
        Assert.Equal("juju", byFqdn.AgentName);
        Assert.Equal("name=abc-host.maas", byFqdn.Describe());
        Assert.Throws<MachineFormException>(() => Read(("name", "abc-host")));
    }

    [Fact]
    public void Describe_lists_constraints_alphabetically_with_numbers_as_floats()
    {
        Assert.Equal("cpu_count=10.0 tags=a,b zone=z1", Allocate(("zone", "z1"), ("cpu_count", "10"), ("tags", "a"), ("tags", "b")).Describe());
    }

    [Fact]
    public void Storage_constraint_needs_a_disk_per_label_with_size_and_tags()
    {
        Machine m = Make("abc", x => x.BlockDevices.Add(new BlockDevice { Id = 11, Name = "sdb", SizeBytes = 500_000_000_000, Tags = ["ssd"] }));

        var storage = StorageConstraint.Parse("root:8,data:100(ssd)");
        var mapping = storage.Match(m);

        Assert.NotNull(mapping);
        Assert.Equal(10, mapping["root"].Id);
        Assert.Equal(11, mapping["data"].Id);
        Assert.Null(StorageConstraint.Parse("root:8,data:600(ssd)").Match(m));
        Assert.Null(StorageConstraint.Parse("root:8,a:1,b:1").Match(m));
        Assert.Equal(["0", "1"], StorageConstraint.Parse("8,1").Entries.Select(e => e.Label));
    }

    [Fact]
    public void Interface_constraint_maps_labels_to_distinct_interfaces()
    {
        Machine m = Make("abc", x => x.Interfaces.Add(new NetworkInterface { Id = 2, Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:00:00:09") }));

        var mapping = InterfaceConstraint.Parse("a:name=eth1;b:link_speed=1000").Match(m);

        Assert.NotNull(mapping);
        Assert.Equal(2, mapping["a"].Id);
        Assert.Equal(1, mapping["b"].Id);
        Assert.Null(InterfaceConstraint.Parse("a:space=1").Match(m));
        Assert.NotNull(InterfaceConstraint.Parse("a:not_space=1").Match(m));
        Assert.Null(InterfaceConstraint.Parse("a:name=eth0;b:name=eth0").Match(m));
    }
}
