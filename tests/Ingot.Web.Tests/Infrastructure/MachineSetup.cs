using System.Text;
using Ingot.Core.BootResources;
using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Power;
using Ingot.Core.Storage;
using Ingot.Core.Users;

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

    /// <summary>
    /// What deploy checks for a stored machine: an amd64/generic image of <paramref name="release"/> (os/series), the
    /// boot interface on a network (<see cref="LinkBootInterfaceAsync"/>) and, with disks, the flat layout.
    /// </summary>
    public static async Task DeployableAsync(this UiHost host, string systemId, string release)
    {
        await host.AddDeployImageAsync(release);
        var store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = await host.MachineAsync(systemId);
        await host.LinkBootInterfaceAsync(machine);
        if (machine.BlockDevices.Count > 0)
        {
            DefaultStorage.Apply(machine, "flat");
        }

        await store.SaveAsync(machine, TestContext.Current.CancellationToken);
    }

    /// <summary>The subnet the machines' boot interfaces report an address on while commissioning.</summary>
    public const string BootSubnet = "100.64.0.0/16";

    /// <summary>
    /// What commissioning gives a machine's boot interface (MAAS's initial networking, <see cref="InitialNetworking"/>):
    /// the commissioning output reports an address of <see cref="BootSubnet"/> on it, so it gets an AUTO link on that
    /// subnet, which deploy needs ("Node must be configured to use a network"). Nothing when the machine is on a network
    /// already. The host gets the subnet once; the
    /// caller saves the machine.
    /// </summary>
    public static async Task LinkBootInterfaceAsync(this UiHost host, Machine machine)
    {
        if (machine.OnNetwork)
        {
            return;
        }

        CancellationToken ct = TestContext.Current.CancellationToken;
        var networks = host.Services.GetRequiredService<NetworkOperations>();
        NetworkModel model = await networks.LoadAsync(ct);
        if (model.FindSubnet(BootSubnet) is null)
        {
            var form = new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [BootSubnet] });
            await networks.CreateSubnetAsync(Actor.System, form, ct);
            model = await networks.LoadAsync(ct);
        }

        NetworkInterface boot = InitialNetworking.BootInterface(machine.Interfaces, machine.BootInterfaceMac)
            ?? throw new InvalidOperationException($"Machine {machine.SystemId} has no interface to link.");
        string reported = $"100.64.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}/16";
        machine.SetInitialNetworking(
            new MachineInventory { Interfaces = [new InventoryInterface { Name = boot.Name, MacAddress = boot.MacAddress, Type = boot.Type, Addresses = [reported] }] },
            model);
    }

    /// <summary>
    /// Registers an amd64/generic boot image <paramref name="name"/> (os/series) with a kernel, an initrd and a
    /// squashfs (what a synced Ubuntu image carries, so that it may also be deployed to memory), once.
    /// </summary>
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
        foreach (string fileType in new[] { BootResourceFileTypes.Kernel, BootResourceFileTypes.Initrd, BootResourceFileTypes.Squashfs })
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{name} {fileType}\n"));
            StoredContent stored = await content.StoreAsync(stream, null, null, ct);
            files.Add(new BootResourceFile { Filename = fileType, FileType = fileType, Sha256 = stored.Sha256, Size = stored.Size, Complete = true });
        }

        await host.Services.GetRequiredService<BootResourceOperations>().AddSetAsync(
            BootResourceType.Uploaded, name, "amd64/generic", BootResourceOperations.UploadedLabel, files, [], "", ct);
    }
}
