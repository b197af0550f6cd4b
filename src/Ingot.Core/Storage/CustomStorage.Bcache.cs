using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;

namespace Ingot.Core.Storage;

public static partial class CustomStorage
{
    /// <summary><c>bcache-cache-sets create</c>: <c>cache_device</c> or <c>cache_partition</c> (a free disk or partition).</summary>
    public static CacheSet CreateCacheSet(Machine machine, NetworkForm form)
    {
        StorageMember device = CacheDevice(machine, form, current: null);
        var set = new CacheSet { Id = machine.Storage.NextId(), Device = device };
        SetMemberFilesystem(machine, device, new Filesystem { Type = StorageFilesystems.BcacheCache });
        machine.Storage.CacheSets.Add(set);
        return set;
    }

    /// <summary><c>bcache-cache-set update</c>: a new <c>cache_device</c> or <c>cache_partition</c>; the old one is freed.</summary>
    public static void UpdateCacheSet(Machine machine, CacheSet set, NetworkForm form)
    {
        if (form.Get("cache_device") is null && form.Get("cache_partition") is null)
        {
            return;
        }

        StorageMember device = CacheDevice(machine, form, set.Device);
        SetMemberFilesystem(machine, set.Device, null);
        set.Device = device;
        SetMemberFilesystem(machine, device, new Filesystem { Type = StorageFilesystems.BcacheCache });
    }

    /// <summary>Deletes a cache set no bcache uses (400 "Cannot delete cache set; it's currently in use." otherwise).</summary>
    public static void DeleteCacheSet(Machine machine, CacheSet set)
    {
        if (machine.Storage.Bcaches.Any(b => b.CacheSetId == set.Id))
        {
            throw MachineOperationException.Validation("Cannot delete cache set; it's currently in use.");
        }

        SetMemberFilesystem(machine, set.Device, null);
        machine.Storage.CacheSets.Remove(set);
    }

    /// <summary>
    /// <c>bcaches create</c>: <c>name</c> (default the next free bcacheN), <c>uuid</c>, <c>cache_set</c> (id or name),
    /// <c>backing_device</c> (a free disk or RAID) or <c>backing_partition</c>, <c>cache_mode</c>.
    /// </summary>
    public static Bcache CreateBcache(Machine machine, NetworkForm form)
    {
        var errors = new FormErrors();
        string name = form.Get("name") is { Length: > 0 } ? BcacheName(machine, form, errors, null) : NextBcacheName(machine);
        string uuid = Uuid(form, errors);
        CacheSet? set = CacheSetField(machine, form, errors, required: true);
        string mode = CacheModeField(form, errors, required: true) ?? "";
        StorageMember? backing = BackingField(machine, form, errors, current: null);
        errors.ThrowIfAny();
        var bcache = new Bcache { Id = machine.Storage.NextId(), Name = name, Uuid = uuid, CacheSetId = set!.Id, Backing = backing!, CacheMode = mode };
        SetMemberFilesystem(machine, backing!, new Filesystem { Type = StorageFilesystems.BcacheBacking });
        machine.Storage.Bcaches.Add(bcache);
        return bcache;
    }

    /// <summary><c>bcache update</c>: any of <c>name</c>, <c>uuid</c>, <c>cache_set</c>, <c>backing_device</c>/<c>backing_partition</c>, <c>cache_mode</c>.</summary>
    public static void UpdateBcache(Machine machine, Bcache bcache, NetworkForm form)
    {
        var errors = new FormErrors();
        string name = form.Get("name") is { Length: > 0 } ? BcacheName(machine, form, errors, bcache) : bcache.Name;
        string uuid = form.Has("uuid") ? Uuid(form, errors) : bcache.Uuid;
        CacheSet? set = CacheSetField(machine, form, errors, required: false);
        string? mode = CacheModeField(form, errors, required: false);
        bool newBacking = form.Get("backing_device") is not null || form.Get("backing_partition") is not null;
        StorageMember? backing = newBacking ? BackingField(machine, form, errors, bcache.Backing) : null;
        errors.ThrowIfAny();
        bcache.Name = name;
        bcache.Uuid = uuid;
        bcache.CacheSetId = set?.Id ?? bcache.CacheSetId;
        bcache.CacheMode = mode ?? bcache.CacheMode;
        if (backing is not null && backing != bcache.Backing)
        {
            SetMemberFilesystem(machine, bcache.Backing, null);
            bcache.Backing = backing;
            SetMemberFilesystem(machine, backing, new Filesystem { Type = StorageFilesystems.BcacheBacking });
        }
    }

    /// <summary>Deletes a bcache with the filesystem on it; its backing device becomes unformatted.</summary>
    public static void DeleteBcache(Machine machine, Bcache bcache)
    {
        SetMemberFilesystem(machine, bcache.Backing, null);
        machine.Storage.Bcaches.Remove(bcache);
    }

    private static StorageMember CacheDevice(Machine machine, NetworkForm form, StorageMember? current)
    {
        var errors = new FormErrors();
        string? device = form.Get("cache_device")?.Trim();
        string? partition = form.Get("cache_partition")?.Trim();
        if (string.IsNullOrEmpty(device) && string.IsNullOrEmpty(partition))
        {
            throw FormErrors.OnField("__all__", "Either cache_device or cache_partition must be specified.");
        }

        if (!string.IsNullOrEmpty(device) && !string.IsNullOrEmpty(partition))
        {
            throw FormErrors.OnField("__all__", "Cannot set both cache_device and cache_partition.");
        }

        StorageMember? member = string.IsNullOrEmpty(device)
            ? FreePartition(machine, partition!, current, "cache_partition", errors)
            : FreeDevice(machine, device, current, allowRaid: false, "cache_device", errors);
        errors.ThrowIfAny();
        return member!;
    }

    private static StorageMember? BackingField(Machine machine, NetworkForm form, FormErrors errors, StorageMember? current)
    {
        string? device = form.Get("backing_device")?.Trim();
        string? partition = form.Get("backing_partition")?.Trim();
        if (!string.IsNullOrEmpty(device) && !string.IsNullOrEmpty(partition))
        {
            errors.Add("__all__", "A Bcache can have either a backing device or partition.");
            return null;
        }

        if (string.IsNullOrEmpty(device) && string.IsNullOrEmpty(partition))
        {
            errors.Add("__all__", "Either backing_device or backing_partition must be specified.");
            return null;
        }

        return string.IsNullOrEmpty(device)
            ? FreePartition(machine, partition!, current, "backing_partition", errors)
            : FreeDevice(machine, device, current, allowRaid: true, "backing_device", errors);
    }

    /// <summary>A whole disk (or RAID) with no filesystem and no partitions, or the member the group already has.</summary>
    private static StorageMember? FreeDevice(Machine machine, string text, StorageMember? current, bool allowRaid, string field, FormErrors errors)
    {
        StorageDevice? device = ParseId(text) is long id ? Devices(machine).FirstOrDefault(d => d.Id == id) : null;
        StorageMember? member = device switch
        {
            { Disk: { } disk } => StorageMember.Disk(disk.Id),
            { Raid: { } raid } when allowRaid => StorageMember.Raid(raid.Id),
            _ => null,
        };
        if (member is null || (member != current && (device!.Filesystem is not null || device.Disk?.Partitions.Count > 0)))
        {
            errors.Add(field, $"Select a valid choice. {text} is not one of the available choices.");
            return null;
        }

        return member;
    }

    private static StorageMember? FreePartition(Machine machine, string text, StorageMember? current, string field, FormErrors errors)
    {
        (long diskId, int index) = ParseId(text) is long id ? StorageIds.SplitPartition(id) : (0, -1);
        BlockDevice? disk = machine.BlockDevices.FirstOrDefault(d => d.Id == diskId);
        StorageMember member = StorageMember.Partition(diskId, index);
        if (disk is null || index < 0 || index >= disk.Partitions.Count || (member != current && disk.Partitions[index].Filesystem is not null))
        {
            errors.Add(field, $"Select a valid choice. {text} is not one of the available choices.");
            return null;
        }

        return member;
    }

    private static CacheSet? CacheSetField(Machine machine, NetworkForm form, FormErrors errors, bool required)
    {
        string? text = form.Get("cache_set")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add("cache_set", FormErrors.Required);
            }

            return null;
        }

        CacheSet? set = machine.Storage.CacheSets.FirstOrDefault(c => ParseId(text) == c.Id || CacheSet.NameOf(machine.Storage, c) == text);
        if (set is null)
        {
            errors.Add("cache_set", $"Select a valid choice. {text} is not one of the available choices.");
        }

        return set;
    }

    private static string? CacheModeField(NetworkForm form, FormErrors errors, bool required)
    {
        string? mode = form.Get("cache_mode")?.Trim();
        if (string.IsNullOrEmpty(mode))
        {
            if (required)
            {
                errors.Add("cache_mode", FormErrors.Required);
            }

            return null;
        }

        if (!Bcache.CacheModes.Contains(mode))
        {
            errors.Add("cache_mode", $"Select a valid choice. {mode} is not one of the available choices.");
            return null;
        }

        return mode;
    }

    private static string Uuid(NetworkForm form, FormErrors errors)
    {
        string uuid = form.Get("uuid")?.Trim() ?? "";
        if (uuid.Length > 0 && !Guid.TryParse(uuid, out _))
        {
            errors.Add("uuid", "Enter a valid UUID.");
        }

        return uuid;
    }

    private static string BcacheName(Machine machine, NetworkForm form, FormErrors errors, Bcache? self)
    {
        string name = form.Get("name")!.Trim();
        if (!StorageNames.IsValid(name))
        {
            errors.Add("name", StorageNames.InvalidMessage);
        }
        else if (Devices(machine).Any(d => d.Name == name && (self is null || !ReferenceEquals(d.Bcache, self))))
        {
            errors.Add("name", FormErrors.AlreadyExists("Bcache"));
        }

        return name;
    }

    private static string NextBcacheName(Machine machine)
    {
        int n = 0;
        while (Devices(machine).Any(d => d.Name == $"bcache{n}"))
        {
            n++;
        }

        return $"bcache{n}";
    }
}
