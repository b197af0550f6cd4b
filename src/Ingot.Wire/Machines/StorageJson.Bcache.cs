using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

public static partial class StorageJson
{
    /// <summary>MAAS's cache set (<c>BcacheCacheSetHandler</c>): <c>system_id, id, name, cache_device, resource_uri</c>.</summary>
    public static void WriteCacheSet(Utf8JsonWriter writer, Machine machine, CacheSet set)
    {
        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("id"u8, set.Id);
        writer.WriteString("name"u8, CacheSet.NameOf(machine.Storage, set));
        writer.WritePropertyName("cache_device"u8);
        WriteMember(writer, machine, set.Device);
        writer.WriteString("resource_uri"u8, $"{ResourceUris.ApiRoot}nodes/{machine.SystemId}/bcache-cache-set/{set.Id}/");
        writer.WriteEndObject();
    }

    /// <summary>
    /// MAAS's bcache (<c>BcacheHandler</c>): <c>system_id, id, uuid, name, cache_set, backing_device, size,
    /// human_size, virtual_device, cache_mode, resource_uri</c>.
    /// </summary>
    public static void WriteBcache(Utf8JsonWriter writer, Machine machine, Bcache bcache)
    {
        long size = StorageSpace.BcacheSize(machine, bcache);
        StorageDevice device = CustomStorage.Device(machine, StorageIds.Virtual(bcache.Id));
        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("id"u8, bcache.Id);
        writer.WriteString("uuid"u8, VirtualUuid(machine, device));
        writer.WriteString("name"u8, bcache.Name);
        writer.WritePropertyName("cache_set"u8);
        if (machine.Storage.CacheSets.FirstOrDefault(c => c.Id == bcache.CacheSetId) is { } set)
        {
            WriteCacheSet(writer, machine, set);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("backing_device"u8);
        WriteMember(writer, machine, bcache.Backing);
        writer.WriteNumber("size"u8, size);
        writer.WriteString("human_size"u8, Human(size));
        writer.WritePropertyName("virtual_device"u8);
        WriteDevice(writer, machine, device);
        writer.WriteString("cache_mode"u8, bcache.CacheMode);
        writer.WriteString("resource_uri"u8, $"{ResourceUris.ApiRoot}nodes/{machine.SystemId}/bcache/{bcache.Id}/");
        writer.WriteEndObject();
    }

    /// <summary>A virtual block device's UUID: the one a bcache was given, else derived.</summary>
    private static string VirtualUuid(Machine machine, StorageDevice device) => device switch
    {
        { Bcache.Uuid.Length: > 0 } => device.Bcache!.Uuid,
        { Bcache: not null } => StorageUuids.Of(machine.SystemId, "bcache", device.Id, 0),
        { Raid: not null } => StorageUuids.Of(machine.SystemId, "raid", device.Id, 0),
        _ => StorageUuids.Of(machine.SystemId, "logical-volume", device.Id, 0),
    };
}
