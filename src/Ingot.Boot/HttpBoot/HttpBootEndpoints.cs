using Ingot.Boot.Tftp;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// HTTP boot on MAAS's port 5248: the generic iPXE script (<c>/ipxe/boot.ipxe</c>, which DHCP hands
/// iPXE clients), the per-machine script chosen by the machine's status, the boot image files with
/// Range support, and the first-stage loaders for UEFI HTTP boot. Thin: parse, ask Core, render.
/// </summary>
public static class HttpBootEndpoints
{
    public const string ScriptContentType = "text/plain";

    public static IEndpointRouteBuilder MapHttpBoot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ipxe/boot.ipxe", (HttpContext http) => Results.Text(IpxeScripts.Generic(Server(http)), ScriptContentType));
        app.MapGet("/ipxe/mac/{mac}/boot.ipxe", MachineScriptAsync);
        app.MapGet(BootImagePaths.Route, ImageFileAsync);
        app.MapGet(BootUrls.FirstStagePath + "{**file}", FirstStageFile);
        return app;
    }

    private static async Task<IResult> MachineScriptAsync(
        string mac, string? platform, HttpContext http, IBootBackend machines, IBootImageCatalog images, IBootDefaultsSource defaults, CancellationToken ct)
    {
        if (!MacAddress.TryParse(mac, out MacAddress address))
        {
            return Results.Text($"'{mac}' is not a valid MAC address.", ScriptContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        BootDefaults settings = await defaults.GetAsync(ct);
        BootRecord? machine = await machines.FindByMacAsync(address, ct);
        string? method = BiosBootMethods.FromIpxePlatform(platform);
        if (machine is not null && machine.NeedsRecording(address, method))
        {
            await machines.RecordBootAsync(address, method, machine.PowerClaimAwaitingBoot, ct);
        }

        BootSelection selection = BootSelector.Select(machine, settings);
        if (selection.Purpose == BootPurpose.Local)
        {
            return Results.Text(IpxeScripts.LocalBoot, ScriptContentType);
        }

        // A deployment to memory of an image with a root tarball runs that tarball (MemoryRoot): its URL goes on the command line.
        if (machine is { EphemeralDeployment: true }
            && await images.FindAsync(machine.Osystem, machine.DistroSeries, machine.Architecture, ct) is { } deployed
            && MemoryRoot.FileType(machine, selection, deployed) is { } root)
        {
            selection = selection with { MemoryRootUrl = BootImagePaths.Url(Server(http), deployed, root) };
        }

        BootImage? image = await images.FindAsync(selection.Osystem, selection.Series, selection.Architecture, ct);
        string script = image is { Kernel: not null, Initrd: not null }
            ? IpxeScripts.Ephemeral(Server(http), selection, settings.KernelOpts)
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

    /// <summary>
    /// A first-stage loader for UEFI HTTP boot clients (<c>/boot/ipxe.efi</c>): only the names TFTP serves
    /// from this host's Debian packages (<see cref="FirstStageFiles"/>), nothing else on disk.
    /// </summary>
    private static IResult FirstStageFile(string? file, FirstStageFiles loaders) =>
        file is not null && loaders.Find(file) is { } path
            ? Results.File(path, "application/octet-stream", enableRangeProcessing: true)
            : Results.NotFound();

    private static BootServer Server(HttpContext http) =>
        BootServer.From(http.Connection.LocalIpAddress, http.Connection.LocalPort);
}
