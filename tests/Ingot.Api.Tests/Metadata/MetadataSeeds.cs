using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Metadata;

/// <summary>Machines for the metadata tests, made through Core's aggregate.</summary>
public static class MetadataSeeds
{
    /// <summary>A machine an admin started commissioning (manual power), or a NEW one.</summary>
    public static async Task<Machine> MachineAsync(this ApiHost host, ApiUser admin, bool commissioning = true)
    {
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Machine machine = Machine.Create(SystemIdGenerator.Shared.Next(), "meta-" + Guid.NewGuid().ToString("N")[..8], now);
        machine.Architecture = "amd64/generic";
        machine.PowerType = "manual";
        machine.Interfaces.Add(new NetworkInterface
        {
            Name = "eth0",
            MacAddress = MacAddress.Parse($"52:54:00:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}"),
        });
        if (commissioning)
        {
            machine.StartCommissioning(Actor.User(admin.Username, isAdmin: true), now, LifecycleSettings.Default);
        }

        await host.Services.GetRequiredService<IMachineStore>().AddAsync(machine, TestContext.Current.CancellationToken);
        return machine;
    }

    public static async Task<Machine> ReloadAsync(this ApiHost host, string systemId) =>
        (await host.Services.GetRequiredService<IMachineStore>().FindAsync(systemId, TestContext.Current.CancellationToken))!;
}
