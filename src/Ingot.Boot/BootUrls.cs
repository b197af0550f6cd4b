using System.Net;

namespace Ingot.Boot;

/// <summary>
/// The HTTP addresses the boot services hand out, in one place: DHCP gives them to iPXE and to
/// UEFI HTTP boot clients, the HTTP boot server serves them.
/// </summary>
public static class BootUrls
{
    /// <summary>The iPXE script path (the HTTP server picks the script by the client's MAC).</summary>
    public const string ScriptPath = "/ipxe/boot.ipxe";

    /// <summary>Where first-stage files (<c>ipxe.efi</c>, …) are served over HTTP for UEFI HTTP boot.</summary>
    public const string FirstStagePath = "/boot/";

    /// <summary><c>http://{server}:{port}/ipxe/boot.ipxe</c> (port 5248 unless HTTP boot listens elsewhere).</summary>
    public static string Script(IPAddress server, int port) => $"http://{server}:{port}{ScriptPath}";

    /// <summary><c>http://{server}:{port}/boot/{file}</c>.</summary>
    public static string FirstStage(IPAddress server, int port, string file) => $"http://{server}:{port}{FirstStagePath}{file}";
}
