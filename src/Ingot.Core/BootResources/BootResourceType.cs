namespace Ingot.Core.BootResources;

/// <summary>MAAS's <c>BOOT_RESOURCE_TYPE</c>: imported from a boot source, or uploaded by a user.</summary>
public enum BootResourceType
{
    /// <summary>Imported from a simplestreams mirror (shown as <c>Synced</c>).</summary>
    Synced = 0,

    /// <summary>Uploaded through <c>boot-resources create</c> (shown as <c>Uploaded</c>).</summary>
    Uploaded = 2,
}
