using Ingot.Core.BootResources;

namespace Ingot.Core.Boot;

/// <summary>
/// A deployment to memory (MAAS 3.5's <c>ephemeral_deploy</c>) of an image whose install file is a root tarball: MAAS
/// boots the image itself from memory, so Ingot's ephemeral environment unpacks that tarball into a tmpfs and
/// switches root into it (<c>scripts/ephemeral/ingot/memory-root.sh</c>). The tarball is one of the two MAAS admits to
/// memory for an uploaded image (<c>can_deploy_to_memory</c>): <c>root-tgz</c>, else <c>root-txz</c>. A synced image
/// (squashfs only) has none: Ingot's ephemeral OS stands in for it.
/// </summary>
public static class MemoryRoot
{
    /// <summary>The root tarball's file type a network boot of <paramref name="machine"/> runs from memory, or null.</summary>
    public static string? FileType(BootRecord machine, BootSelection selection, BootImage? deployed)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(selection);
        if (!machine.EphemeralDeployment || selection.Purpose != BootPurpose.Xinstall || deployed is null)
        {
            return null;
        }

        return deployed.Files.ContainsKey(BootResourceFileTypes.RootTgz) ? BootResourceFileTypes.RootTgz
            : deployed.Files.ContainsKey(BootResourceFileTypes.RootTxz) ? BootResourceFileTypes.RootTxz
            : null;
    }
}
