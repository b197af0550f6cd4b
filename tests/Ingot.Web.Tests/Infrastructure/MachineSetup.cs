using System.Text;
using Ingot.Core.BootResources;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Storage;

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

    /// <summary>What deploy checks for a stored machine: an amd64/generic image of <paramref name="release"/> (os/series) and, with disks, the flat layout.</summary>
    public static async Task DeployableAsync(this UiHost host, string systemId, string release)
    {
        await host.AddDeployImageAsync(release);
        var store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = await host.MachineAsync(systemId);
        if (machine.BlockDevices.Count > 0 && DefaultStorage.Apply(machine, "flat"))
        {
            await store.SaveAsync(machine, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Registers an amd64/generic boot image <paramref name="name"/> (os/series) with a kernel and initrd, once.</summary>
    public static async Task AddDeployImageAsync(this UiHost host, string name)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var store = host.Services.GetRequiredService<IBootResourceStore>();
        if (await store.FindAsync(BootResourceType.Uploaded, name, "amd64/generic", ct) is not null)
        {
            return;
        }

        var content = host.Services.GetRequiredService<IBootResourceContent>();
        var files = new List<BootResourceFile>();
        foreach (string fileType in new[] { BootResourceFileTypes.Kernel, BootResourceFileTypes.Initrd })
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{name} {fileType}\n"));
            StoredContent stored = await content.StoreAsync(stream, null, null, ct);
            files.Add(new BootResourceFile { Filename = fileType, FileType = fileType, Sha256 = stored.Sha256, Size = stored.Size, Complete = true });
        }

        await host.Services.GetRequiredService<BootResourceOperations>().AddSetAsync(
            BootResourceType.Uploaded, name, "amd64/generic", BootResourceOperations.UploadedLabel, files, [], "", ct);
    }
}
