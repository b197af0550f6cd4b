using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Scripts;
using Ingot.Wire.Machines;

namespace Ingot.Api.Machines;

/// <summary>
/// <c>GET machines/</c> (MAAS's <c>MachinesHandler.read</c>) from <see cref="MachineListCache"/>:
/// the machines the caller may view that match the filter, in id order, each written from its
/// kept list JSON when the machine, its latest event, its current script sets and the context are unchanged, else rendered
/// and kept. The bytes are the same as <see cref="MachineResponses.ListAsync"/> writes. Without the
/// cache's services (a host composed without them) it is that path.
/// </summary>
internal static class MachineListResponse
{
    /// <summary>Flush threshold: keep the pending buffer small.</summary>
    private const int FlushBytes = 64 * 1024;

    public static Task<ApiResult> ReadAsync(ApiRequest request, MachineFilter filter, CancellationToken ct) =>
        ReadAsync(request, MachineQueries.Visible(request.Caller, filter), token => request.Queries().ListAsync(request.Caller, filter, token), ct);

    /// <summary>
    /// The machines that <paramref name="shows"/> picks, in id order; <paramref name="fallback"/> reads the same
    /// machines from the store when the host has no cache.
    /// </summary>
    public static async Task<ApiResult> ReadAsync(
        ApiRequest request, Func<Machine, bool> shows, Func<CancellationToken, Task<IReadOnlyList<Machine>>> fallback, CancellationToken ct)
    {
        if (request.OptionalService<MachineListCache>() is not { } cache || request.OptionalService<IMachineVersionReads>() is not { } reads)
        {
            return await MachineResponses.ListAsync(request, await fallback(ct), ct);
        }

        IReadOnlyList<MachineListCache.Entry> all = await cache.CurrentAsync(reads, ct);
        List<MachineListCache.Entry> shown = [.. all.Where(e => shows(e.Machine))];
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [.. shown.Select(e => e.Machine)], ct);
        return ApiResult.JsonStream((stream, token) => WriteAsync(shown, context, stream, token));
    }

    /// <summary>The JSON array of <paramref name="entries"/>, rendering (and keeping) the ones not rendered under this context.</summary>
    internal static async Task WriteAsync(IReadOnlyList<MachineListCache.Entry> entries, MachineJsonContext context, Stream stream, CancellationToken ct)
    {
        string fingerprint = context.Fingerprint;
        MachineItemRenderer? renderer = null;
        try
        {
            await using var writer = new Utf8JsonWriter(stream, MachineResponses.ListWriterOptions);
            writer.WriteStartArray();
            foreach (MachineListCache.Entry entry in entries)
            {
                MachineEvent? latest = context.LatestEvents.GetValueOrDefault(entry.Machine.SystemId);
                CurrentScriptSets? sets = context.ScriptSets.GetValueOrDefault(entry.Machine.SystemId);
                byte[]? json = entry.Json(fingerprint, latest, sets);
                if (json is null)
                {
                    renderer ??= new MachineItemRenderer(MachineResponses.ListWriterOptions);
                    json = renderer.Render(entry.Machine, context);
                    entry.Keep(json, fingerprint, latest, sets);
                }

                writer.WriteRawValue(json, skipInputValidation: true);
                if (writer.BytesPending >= FlushBytes)
                {
                    await writer.FlushAsync(ct);
                }
            }

            writer.WriteEndArray();
            await writer.FlushAsync(ct);
        }
        finally
        {
            renderer?.Dispose();
        }
    }
}
