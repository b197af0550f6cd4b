namespace Ingot.BootResources;

/// <summary>Bounds of an image import: how long to wait for a mirror's connection and for each read.</summary>
public sealed class BootResourceImportOptions
{
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
