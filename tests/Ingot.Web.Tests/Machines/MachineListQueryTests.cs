using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Users;
using Ingot.Web.Machines;

namespace Ingot.Web.Tests.Machines;

/// <summary>The list's filtering, visibility, sorting and grouping, without a browser.</summary>
public sealed class MachineListQueryTests
{
    private static readonly MachineRow[] s_rows =
    [
        Row("aaaaaa", "web-1", MachineStatus.Ready, null, "rack-a", ["gpu"]),
        Row("bbbbbb", "web-2", MachineStatus.Deployed, "alice", "rack-a", []),
        Row("cccccc", "db-1", MachineStatus.Deployed, "bob", "default", ["gpu", "ssd"]),
        Row("dddddd", "db-2", MachineStatus.FailedCommissioning, null, "default", []),
    ];

    [Fact]
    public void A_user_sees_unowned_machines_and_their_own_an_admin_every_machine()
    {
        Assert.Equal(["db-2", "web-1", "web-2"], Hostnames(new MachineListQuery().Apply(s_rows, Actor.User("alice"))));
        Assert.Equal(["db-1", "db-2", "web-1", "web-2"], Hostnames(new MachineListQuery().Apply(s_rows, Actor.User("root", isAdmin: true))));
    }

    [Fact]
    public void Every_search_word_must_match_and_filters_combine()
    {
        Actor admin = Actor.User("root", isAdmin: true);

        Assert.Equal(["web-2"], Hostnames(new MachineListQuery { Search = "WEB alice" }.Apply(s_rows, admin)));
        Assert.Equal(["db-1"], Hostnames(new MachineListQuery { Tag = "gpu", Zone = "default" }.Apply(s_rows, admin)));
        Assert.Equal(["db-2", "web-1"], Hostnames(new MachineListQuery { Owner = MachineListQuery.NoOwner }.Apply(s_rows, admin)));
        Assert.Equal(["db-2"], Hostnames(new MachineListQuery { Status = "Failed commissioning" }.Apply(s_rows, admin)));
        Assert.Empty(new MachineListQuery { Search = "web", Tag = "ssd" }.Apply(s_rows, admin));
    }

    [Fact]
    public void Sorting_by_a_column_breaks_ties_by_hostname_and_descending_reverses()
    {
        Actor admin = Actor.User("root", isAdmin: true);

        Assert.Equal(["db-2", "web-1", "db-1", "web-2"], Hostnames(new MachineListQuery { Sort = MachineSort.Status }.Apply(s_rows, admin)));
        Assert.Equal(["web-2", "web-1", "db-2", "db-1"], Hostnames(new MachineListQuery { Descending = true }.Apply(s_rows, admin)));
    }

    [Fact]
    public void Grouping_follows_MAAS_simplified_statuses_in_order_and_a_collapsed_group_keeps_its_header()
    {
        List<MachineRow> sorted = new MachineListQuery().Apply(s_rows, Actor.User("root", isAdmin: true));

        List<MachineListItem> items = MachineGroups.Flatten(sorted, grouped: true, new HashSet<string> { "Deployed" });

        Assert.Equal(
            ["Failed (1)", "db-2", "Ready (1)", "web-1", "Deployed (2)"],
            items.Select(i => i.Row is { } r ? r.Hostname : $"{i.Group} ({i.Count})"));
        Assert.Equal(4, MachineGroups.Flatten(sorted, grouped: false, new HashSet<string>()).Count);
    }

    private static string[] Hostnames(IEnumerable<MachineRow> rows) => [.. rows.Select(r => r.Hostname)];

    private static MachineRow Row(string id, string hostname, MachineStatus status, string? owner, string zone, string[] tags) =>
        new(id, hostname, "maas", status, PowerState.Off, owner, zone, "default", 4, 8192, 500_000_000_000, 1, tags, false, "amd64/generic");
}
