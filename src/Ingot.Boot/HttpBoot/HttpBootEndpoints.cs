using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// HTTP boot on MAAS's port 5248: the generic iPXE script (<c>/ipxe/boot.ipxe</c>, which DHCP hands
/// iPXE clients), the per-machine script chosen by the machine's status, and the boot image files
/// with Range support. Thin: parse, ask Core, render.
/// </summary>
public static class HttpBootEndpoints
{
    public const string ScriptContentType = "text/plain";

    public static IEndpointRouteBuilder MapHttpBoot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ipxe/boot.ipxe", (HttpContext http) => Results.Text(IpxeScripts.Generic(Server(http)), ScriptContentType));
        app.MapGet("/ipxe/mac/{mac}/boot.ipxe", MachineScriptAsync);
        app.MapGet(BootImagePaths.Route, ImageFileAsync);
        return app;
    }

    private static async Task<IResult> MachineScriptAsync(
        string mac, HttpContext http, IBootBackend machines, IBootImageCatalog images, BootDefaults defaults, CancellationToken ct)
    {
        if (!MacAddress.TryParse(mac, out MacAddress address))
        {
            return Results.Text($"'{mac}' is not a valid MAC address.", ScriptContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        BootSelection selection = BootSelector.Select(await machines.FindByMacAsync(address, ct), defaults);
        if (selection.Purpose == BootPurpose.Local)
        {
            return Results.Text(IpxeScripts.LocalBoot, ScriptContentType);
        }

        BootImage? image = await images.FindAsync(selection.Osystem, selection.Series, selection.Architecture, ct);
        string script = image is { Kernel: not null, Initrd: not null }
            ? IpxeScripts.Ephemeral(Server(http), selection)
            : IpxeScripts.MissingImage(selection);
        return Results.Text(script, ScriptContentType);
    }

    private static async Task<IResult> ImageFileAsync(
        string osystem, string arch, string subarch, string series, string label, string filetype,
        IBootImageCatalog images, CancellationToken ct)
    {
        _ = label;
        BootImage? image = await images.FindAsync(osystem, series, $"{arch}/{subarch}", ct);
        if (image?.Files.GetValueOrDefault(filetype) is not { } file || !File.Exists(file.Path))
        {
            return Results.NotFound();
        }

        var info = new FileInfo(file.Path);
        string tag = file.Sha256.Length > 0 ? file.Sha256 : $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}";
        return Results.File(
            file.Path,
            "application/octet-stream",
            lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{tag}\""),
            enableRangeProcessing: true);
    }

    private static BootServer Server(HttpContext http) =>
        BootServer.From(http.Connection.LocalIpAddress, http.Connection.LocalPort);
}
