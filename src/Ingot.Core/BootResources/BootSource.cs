namespace Ingot.Core.BootResources;

/// <summary>
/// A boot source (MAAS's <c>BootSource</c>): a simplestreams mirror to import images from, and the GPG
/// keyring (a file on this host, or the keyring itself) its signed streams are checked against.
/// </summary>
public sealed class BootSource
{
    /// <summary>MAAS's public image server, the boot source MAAS defines when it has none.</summary>
    public const string DefaultUrl = "http://images.maas.io/ephemeral-v3/stable/";

    /// <summary>The keyring of Ubuntu's cloud images (Debian/Ubuntu package <c>ubuntu-cloudimage-keyring</c>).</summary>
    public const string DefaultKeyring = "/usr/share/keyrings/ubuntu-cloudimage-keyring.gpg";

    public long Id { get; set; }

    public required string Url { get; set; }

    public string KeyringFilename { get; set; } = "";

    public byte[] KeyringData { get; set; } = [];

    public int Priority { get; set; }

    public bool SkipKeyringVerification { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }
}
