namespace Ingot.Core.Boot;

/// <summary>
/// The host interfaces Ingot's boot services (DHCP, TFTP, HTTP boot) listen on: <c>ingot serve
/// --boot-interface IFACE</c> (repeatable) or configuration. Empty means boot services are off.
/// </summary>
public sealed record BootInterfaces(IReadOnlyList<string> Names)
{
    public static BootInterfaces None { get; } = new([]);

    public bool Enabled => Names.Count > 0;
}
