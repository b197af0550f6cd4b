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

    /// <summary><c>http://{server}:5248/ipxe/boot.ipxe</c>.</summary>
    public static string Script(IPAddress server) => $"http://{server}:{BootServices.HttpPort}{ScriptPath}";

    /// <summary><c>http://{server}:5248/boot/{file}</c>.</summary>
    public static string FirstStage(IPAddress server, string file) => $"http://{server}:{BootServices.HttpPort}{FirstStagePath}{file}";
}
