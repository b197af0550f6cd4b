using Ingot.Core.Inventory;

namespace Ingot.Core.Tests.Inventory;

/// <summary>The inventory fixtures: <c>machine-resources</c> output of machines of several shapes, in LXD's resources layout.</summary>
internal static class Fixtures
{
    public const string SingleSocketSata = "single-socket-sata.json";
    public const string DualSocketNvmeBond = "dual-socket-nvme-bond-25g.json";
    public const string Arm64 = "arm64-ampere.json";
    public const string QemuVm = "qemu-vm.json";

    public static readonly string[] All = [SingleSocketSata, DualSocketNvmeBond, Arm64, QemuVm];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", name));

    public static MachineInventory Parse(string name)
    {
        InventoryParseResult result = InventoryParser.Parse(Bytes(name));
        Assert.True(result.Succeeded, result.Error);
        return result.Inventory;
    }
}
