using Ingot.Core.Networks;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Networks;

/// <summary>Network operations over in-memory stores, and forms written as MAAS clients send them.</summary>
internal sealed class NetworkFixture
{
    public static readonly Actor Admin = Actor.User("admin", isAdmin: true);

    public const string Rack = "rack01";

    public InMemoryNetworkStore Store { get; } = new();

    public InMemoryMachineStore Machines { get; }

    public NetworkFixture() => Machines = new() { Networks = Store };

    public NetworkModelVersion Version { get; } = new();

    public NetworkOperations Operations => new(Store, Machines, Version, TimeProvider.System);

    public static IReadOnlySet<string> Racks { get; } = new HashSet<string> { Rack };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static NetworkForm Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));

    public Task<NetworkModel> ModelAsync() => Store.LoadAsync(Ct);

    public Task<Subnet> SubnetAsync(string cidr, params (string Name, string Value)[] more) =>
        Operations.CreateSubnetAsync(Admin, Form([("cidr", cidr), .. more]), Ct);

    public Task<IpRange> RangeAsync(string type, string start, string end) =>
        Operations.CreateRangeAsync(Admin, Form(("type", type), ("start_ip", start), ("end_ip", end)), Ct);

    public Task<Vlan> UpdateVlanAsync(long id, params (string Name, string Value)[] fields) =>
        Operations.UpdateVlanAsync(Admin, m => m.Vlan(id)!, Form(fields), Racks, Ct);
}
