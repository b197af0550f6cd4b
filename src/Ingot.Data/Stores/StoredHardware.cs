using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ingot.Core.Machines;

namespace Ingot.Data.Stores;

/// <summary>
/// What this process last saw stored as each machine's disk and interface rows: a hash of their
/// <see cref="HardwareFingerprint"/>s, by machine id, with the machine's system_id and version. A
/// machine's hardware rows are written only in a save of that machine, which moves its version on (or
/// when it is added or deleted), so rows seen at version v are still the rows while the machine is at
/// v. A save whose compare-and-set on v succeeded, of a machine whose hardware hashes as it did at v,
/// changes no hardware row and needs no read of them (<see cref="HardwareRows"/>). Anything else —
/// another version, another system_id on a reused id, nothing remembered — reads the rows as before.
/// </summary>
internal sealed class StoredHardware
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();

    /// <summary>Whether the rows stored for <paramref name="machine"/> at <paramref name="version"/> are known to hash to <paramref name="hashes"/>.</summary>
    public bool IsStored(Machine machine, long version, HardwareHashes hashes) =>
        _entries.TryGetValue(machine.Id, out Entry? entry)
        && entry.SystemId == machine.SystemId
        && entry.Version == version
        && entry.Hashes.Equals(hashes);

    /// <summary>Remembers that <paramref name="machine"/>'s rows at <paramref name="version"/> hash to <paramref name="hashes"/>.</summary>
    public void Remember(Machine machine, long version, HardwareHashes hashes) =>
        _entries[machine.Id] = new Entry(machine.SystemId, version, hashes);

    public void Forget(long machineId) => _entries.TryRemove(machineId, out _);

    private sealed record Entry(string SystemId, long Version, HardwareHashes Hashes);
}

/// <summary>SHA-256 of the disks' and of the interfaces' <see cref="HardwareFingerprint"/>.</summary>
internal sealed record HardwareHashes(string Disks, string Interfaces)
{
    public static string Of(string fingerprint) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
}
