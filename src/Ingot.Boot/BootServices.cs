namespace Ingot.Boot;

/// <summary>Names shared by Ingot's boot services.</summary>
public static class BootServices
{
    /// <summary>The port MAAS serves machines on (HTTP boot, and the metadata API through the rack).</summary>
    public const int HttpPort = 5248;
}
