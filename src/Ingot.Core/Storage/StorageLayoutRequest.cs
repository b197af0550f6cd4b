namespace Ingot.Core.Storage;

/// <summary>The fields of <c>set_storage_layout</c> as the client sent them (null when absent).</summary>
public sealed record StorageLayoutRequest(
    string? Layout,
    string? BootSize = null,
    string? RootSize = null,
    string? RootDevice = null,
    string? VgName = null,
    string? LvName = null,
    string? LvSize = null,
    string? CacheDevice = null,
    string? CacheMode = null,
    string? CacheSize = null,
    string? CacheNoPart = null);
