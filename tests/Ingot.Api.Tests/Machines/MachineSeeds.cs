using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>Machines, zones and tags put straight into the host's stores (through Core's aggregate), for API tests.</summary>
public static class MachineSeeds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    /// <summary>A READY machine (NEW → COMMISSIONING → READY) with one NIC and one 500 GB disk, changed by <paramref name="configure"/>.</summary>
    public static async Task<Machine> ReadyAsync(this ApiHost host, Action<Machine>? configure = null)
    {
        DateTime now = Now;
        Machine machine = Machine.Create(SystemIdGenerator.Shared.Next(), "m-" + Guid.NewGuid().ToString("N")[..10], now);
        machine.TransitionTo(MachineStatus.Commissioning, now);
        machine.TransitionTo(MachineStatus.Ready, now);
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.Architecture = "amd64/generic";
        machine.CpuCount = 4;
        machine.Memory = 8192;
        machine.PowerType = "manual";
        machine.PowerState = Core.Power.PowerState.Off;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = RandomMac() });
        machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = 500_000_000_000, IsBootDisk = true, Model = "disk", Serial = "s1" });
        configure?.Invoke(machine);
        await host.Services.GetRequiredService<IMachineStore>().AddAsync(machine, Ct);
        return (await host.FindAsync(machine.SystemId))!;
    }

    /// <summary>A machine allocated to <paramref name="owner"/>.</summary>
    public static async Task<Machine> AllocatedAsync(this ApiHost host, ApiUser owner, Action<Machine>? configure = null) =>
        await host.ReadyAsync(m =>
        {
            m.Acquire(Actor.User(owner.Username, owner.User.IsAdmin), Now);
            configure?.Invoke(m);
        });

    /// <summary>A machine <paramref name="owner"/> allocated and started deploying.</summary>
    public static async Task<Machine> DeployingAsync(this ApiHost host, ApiUser owner, Action<Machine>? configure = null) =>
        await host.ReadyAsync(m =>
        {
            var actor = Actor.User(owner.Username, owner.User.IsAdmin);
            m.Acquire(actor, Now);
            m.StartDeployment(actor, Now, LifecycleSettings.Default);
            configure?.Invoke(m);
        });

    /// <summary>A NEW machine (as a non-admin adds it).</summary>
    public static async Task<Machine> NewAsync(this ApiHost host)
    {
        Machine machine = Machine.Create(SystemIdGenerator.Shared.Next(), "n-" + Guid.NewGuid().ToString("N")[..10], Now);
        machine.Architecture = "amd64/generic";
        machine.PowerType = "manual";
        await host.Services.GetRequiredService<IMachineStore>().AddAsync(machine, Ct);
        return (await host.FindAsync(machine.SystemId))!;
    }

    public static Task<Machine?> FindAsync(this ApiHost host, string systemId) =>
        host.Services.GetRequiredService<IMachineStore>().FindAsync(systemId, Ct);

    public static async Task<string> ZoneAsync(this ApiHost host)
    {
        string name = "zone-" + Guid.NewGuid().ToString("N")[..8];
        await host.Services.GetRequiredService<IZoneStore>().AddAsync(new Zone { Name = name, Description = "seeded", Created = Now, Updated = Now }, Ct);
        return name;
    }

    public static async Task<string> TagAsync(this ApiHost host)
    {
        string name = "tag-" + Guid.NewGuid().ToString("N")[..8];
        await host.Services.GetRequiredService<ITagStore>().AddAsync(new Tag { Name = name, Created = Now, Updated = Now }, Ct);
        return name;
    }

    public static MacAddress RandomMac()
    {
        byte[] bytes = new byte[6];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0x52;
        return MacAddress.Parse(string.Join(':', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
