using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Enlistment;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Tags;

/// <summary>Machines put straight into the store of an <see cref="ApiHost"/>, for the resources that list or filter them.</summary>
public static class TestMachines
{
    public static readonly DateTime Now = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    /// <summary>
    /// Adds a machine with a fresh system_id; <paramref name="configure"/> may set its owner, zone,
    /// interfaces or record events (written with it).
    /// </summary>
    public static async Task<Machine> AddAsync(ApiHost host, string? hostname = null, Action<Machine>? configure = null)
    {
        string systemId = SystemIdGenerator.Shared.Next();
        Machine machine = Machine.Create(systemId, hostname ?? "host-" + systemId, Now);
        configure?.Invoke(machine);
        await host.Services.GetRequiredService<IMachineStore>().AddAsync(machine, TestContext.Current.CancellationToken);
        return machine;
    }

    /// <summary>An interface with one MAC, optionally on a VID and linked to a subnet.</summary>
    public static NetworkInterface Nic(string name, string mac, int? vid = null, string? cidr = null, string? ip = null) => new()
    {
        Name = name,
        MacAddress = MacAddress.Parse(mac),
        Vlan = vid,
        Links = cidr is null ? [] : [new InterfaceLink { Mode = LinkMode.Static, Subnet = cidr, IpAddress = ip }],
    };

    public static async Task<Machine?> FindAsync(ApiHost host, string systemId) =>
        await host.Services.GetRequiredService<IMachineStore>().FindAsync(systemId, TestContext.Current.CancellationToken);

    /// <summary>Records an event of <paramref name="type"/> at <paramref name="minutes"/> past <see cref="Now"/>.</summary>
    public static void Event(Machine machine, EventType type, string description, int minutes = 0, string? username = null) =>
        machine.Record(type, description, Now.AddMinutes(minutes), username);
}
