namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// A disk for <c>wipe-disks</c> made of files: <c>sys/block/vda/{size,ro,removable}</c> and
/// <c>dev/vda</c> (every byte 0xFF), which the script reaches through WIPE_DISKS_SYS and WIPE_DISKS_DEV.
/// </summary>
public sealed class FakeDisk : IDisposable
{
    public const int Size = 8 << 20;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ingot-wipe-");

    public FakeDisk(bool readOnly = false)
    {
        string block = Path.Combine(_root.FullName, "sys", "block", "vda");
        Directory.CreateDirectory(block);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "dev"));
        File.WriteAllText(Path.Combine(block, "size"), $"{Size / 512}\n");
        File.WriteAllText(Path.Combine(block, "ro"), readOnly ? "1\n" : "0\n");
        File.WriteAllText(Path.Combine(block, "removable"), "0\n");
        byte[] ones = new byte[Size];
        Array.Fill(ones, (byte)0xFF);
        File.WriteAllBytes(DevicePath, ones);
    }

    public string DevicePath => Path.Combine(_root.FullName, "dev", "vda");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["WIPE_DISKS_SYS"] = Path.Combine(_root.FullName, "sys"),
        ["WIPE_DISKS_DEV"] = Path.Combine(_root.FullName, "dev"),
    };

    public byte[] Read() => File.ReadAllBytes(DevicePath);

    public void Dispose() => _root.Delete(recursive: true);
}
