using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Web.Tests.Infrastructure;

/// <summary>Puts a machine made through the API into the state a test needs, through the host's own store.</summary>
public static class MachineSetup
{
    public const long Gb = 1024L * 1024 * 1024;

    /// <summary>A Ready machine with one boot disk of <paramref name="diskBytes"/> (none when 0) and power on.</summary>
    public static async Task ReadyAsync(this UiHost host, string systemId, long diskBytes)
    {
        var store = host.Services.GetRequiredService<IMachineStore>();
        CancellationToken ct = TestContext.Current.CancellationToken;
        Machine machine = await store.FindAsync(systemId, ct) ?? throw new InvalidOperationException($"No machine {systemId}.");
        if (diskBytes > 0)
        {
            machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = diskBytes, IsBootDisk = true, IdPath = "/dev/sda" });
        }

        machine.TransitionTo(MachineStatus.Ready, TimeProvider.System.GetUtcNow().UtcDateTime);
        machine.PowerState = PowerState.On;
        await store.SaveAsync(machine, ct);
    }

    public static async Task<Machine> MachineAsync(this UiHost host, string systemId) =>
        await host.Services.GetRequiredService<IMachineStore>().FindAsync(systemId, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No machine {systemId}.");
}
