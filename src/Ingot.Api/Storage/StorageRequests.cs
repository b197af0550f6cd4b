using System.Globalization;
using Ingot.Api.Networks;
using Ingot.Api.Wire;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;

namespace Ingot.Api.Storage;

/// <summary>What the storage resources share: the editing service, route ids, the form and the device lookups.</summary>
internal static class StorageRequests
{
    public static StorageEditing Storage(this ApiRequest request) => request.Service<StorageEditing>();

    public static string SystemId(this ApiRequest request) => request.Route("system_id");

    public static NetworkForm StorageForm(this ApiRequest request) => request.NetworkForm();

    /// <summary>A numeric route id, else 404 for <paramref name="model"/>.</summary>
    public static long RouteId(this ApiRequest request, string name, string model) =>
        long.TryParse(request.Route(name), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : throw NotFound.Of(model);

    public static Task<Machine> ReadMachineAsync(this ApiRequest request, CancellationToken ct) =>
        request.Storage().ReadAsync(request.Caller, request.SystemId(), ct);

    /// <summary>The physical disk a partition route names (404 "No BlockDevice matches the given query.").</summary>
    public static BlockDevice Disk(Machine machine, long deviceId) =>
        machine.BlockDevices.FirstOrDefault(d => d.Id == deviceId) ?? throw NotFound.Of("BlockDevice");

    public static VolumeGroup VolumeGroup(Machine machine, long id) =>
        machine.Storage.VolumeGroups.FirstOrDefault(v => v.Id == id) ?? throw NotFound.Of("VolumeGroup");

    public static Raid Raid(Machine machine, long id) =>
        machine.Storage.Raids.FirstOrDefault(r => r.Id == id) ?? throw NotFound.Of("RAID");

    public static CacheSet CacheSet(Machine machine, long id) =>
        machine.Storage.CacheSets.FirstOrDefault(c => c.Id == id) ?? throw NotFound.Of("CacheSet");

    public static Bcache Bcache(Machine machine, long id) =>
        machine.Storage.Bcaches.FirstOrDefault(b => b.Id == id) ?? throw NotFound.Of("Bcache");
}
