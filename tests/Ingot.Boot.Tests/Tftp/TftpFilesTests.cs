using System.Text;
using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

public sealed class TftpFilesTests
{
    [Fact]
    public void The_standard_root_serves_the_debian_ipxe_files_present_and_the_generated_configs()
    {
        TftpFiles files = TftpConfigs.Standard();

        Assert.Contains("boot.ipxe", files.Names);
        Assert.Contains("pxelinux.cfg/default", files.Names);
        foreach ((string name, string[] paths) in FirstStageFiles.Candidates)
        {
            bool present = paths.Any(File.Exists);
            Assert.Equal(present, files.Names.Contains(name));
            if (present)
            {
                Assert.Equal(File.ReadAllBytes(paths.First(File.Exists)), files.Find(name).Content!.Value.ToArray());
            }
        }
    }

    [Fact]
    public void Pxelinux_default_hands_over_to_ipxe_with_the_chain_script()
    {
        TftpLookup lookup = TftpConfigs.Standard().Find("/pxelinux.cfg/default");

        string config = Encoding.ASCII.GetString(lookup.Content!.Value.Span);
        Assert.Contains("KERNEL ipxe.lkrn", config, StringComparison.Ordinal);
        Assert.Contains("INITRD boot.ipxe", config, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_on_disk_is_served_fresh()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("ingot-tftp-files-").FullName, "f.bin");
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            var files = new TftpFiles(new Dictionary<string, string> { ["f.bin"] = path }, new Dictionary<string, ReadOnlyMemory<byte>>());
            Assert.Equal(3, files.Find("f.bin").Content!.Value.Length);

            File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
            File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch);

            Assert.Equal(5, files.Find("f.bin").Content!.Value.Length);
            File.Delete(path);
            Assert.Equal(TftpErrorCode.FileNotFound, files.Find("f.bin").Error);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
