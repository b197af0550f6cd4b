using Ingot.CommandLine;
using Ingot.Core.BootResources;
using Ingot.Hosting;

namespace Ingot.Commands;

/// <summary>
/// <c>ingot add-ephemeral-image --dir DIR</c>: registers the image that <c>scripts/build-ephemeral-image.sh DIR</c>
/// built (<c>DIR/vmlinuz</c>, <c>DIR/initrd.img</c>) as an uploaded boot resource, <c>ingot/ephemeral</c> for
/// <c>amd64/generic</c> by default, with a boot-kernel and a boot-initrd file. Registering the same files
/// again changes nothing. With <c>--root-dd-raw FILE</c> the resource also carries a raw disk image
/// (<c>root-dd.raw</c>) that deployments of it write to the disk; with <c>--root-tgz FILE</c> a root tarball
/// (<c>root-tgz</c>) that deployments lay onto the machine's storage layout.
/// </summary>
public static class AddEphemeralImageCommand
{
    public const string DefaultName = "ingot/ephemeral";
    public const string DefaultArchitecture = "amd64/generic";

    /// <summary>MAAS's file type of a raw disk image (curtin's <c>dd-raw</c>).</summary>
    public const string RootDdRaw = "root-dd.raw";

    /// <summary>MAAS's file type of a root tarball (curtin's <c>tgz</c>).</summary>
    public const string RootTgz = "root-tgz";

    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, CancellationToken ct)
    {
        string dir = command.Required("dir");
        string name = command.Get("name") ?? DefaultName;
        string? architecture = BootResourceForm.NormaliseArchitecture(command.Get("architecture") ?? DefaultArchitecture);
        if (architecture is null || !name.Contains('/', StringComparison.Ordinal))
        {
            throw new UsageException("ingot add-ephemeral-image: --name is os/series and --architecture arch/subarch (e.g. ingot/ephemeral, amd64/generic)", command.Spec);
        }

        (string FileType, string Path)[] wanted =
        [
            (BootResourceFileTypes.Kernel, Path.Combine(dir, "vmlinuz")),
            (BootResourceFileTypes.Initrd, Path.Combine(dir, "initrd.img")),
            .. command.Get("root-dd-raw") is { } disk ? [(RootDdRaw, disk)] : Array.Empty<(string, string)>(),
            .. command.Get("root-tgz") is { } tarball ? [(RootTgz, tarball)] : Array.Empty<(string, string)>(),
        ];
        if (wanted.FirstOrDefault(f => !File.Exists(f.Path)) is { Path: not null } missing)
        {
            throw new UsageException($"ingot add-ephemeral-image: {missing.Path} does not exist (build it with scripts/build-ephemeral-image.sh {dir})", command.Spec);
        }

        var location = DataLocation.Resolve(command.Get("data-dir"), command.Get("database"));
        await using ServiceProvider services = IngotState.BuildProvider(location);
        await IngotState.MigrateAsync(services, ct);
        var content = services.GetRequiredService<IBootResourceContent>();
        var files = new List<BootResourceFile>();
        foreach ((string fileType, string path) in wanted)
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            StoredContent stored = await content.StoreAsync(stream, null, null, ct);
            files.Add(new BootResourceFile { Filename = fileType, FileType = fileType, Sha256 = stored.Sha256, Size = stored.Size, Complete = true });
        }

        var store = services.GetRequiredService<IBootResourceStore>();
        BootResource? existing = await store.FindAsync(BootResourceType.Uploaded, name, architecture, ct);
        if (existing?.LatestCompleteSet is { } latest && SameFiles(latest, files))
        {
            await stdout.WriteLineAsync($"{name} {architecture} is already registered (boot resource {existing.Id}, version {latest.Version}).");
            return IngotCommandLine.Ok;
        }

        BootResource resource = await services.GetRequiredService<BootResourceOperations>().AddSetAsync(
            BootResourceType.Uploaded, name, architecture, BootResourceOperations.UploadedLabel, files,
            new Dictionary<string, string> { ["title"] = "Ingot ephemeral image" }, "", ct);
        await stdout.WriteLineAsync($"Registered {name} {architecture} as boot resource {resource.Id} (kernel {files[0].Sha256[..12]}…, initrd {files[1].Sha256[..12]}…).");
        return IngotCommandLine.Ok;
    }

    private static bool SameFiles(BootResourceSet set, List<BootResourceFile> files) =>
        set.Files.Count == files.Count && files.All(f => set.Files.Any(s => s.FileType == f.FileType && s.Sha256 == f.Sha256));
}
