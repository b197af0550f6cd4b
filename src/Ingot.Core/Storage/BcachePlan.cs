using Ingot.Core.Hardware;

namespace Ingot.Core.Storage;

/// <summary>What the <c>bcache</c> layout will build, checked before anything changes: the cache disk, the cache partition's size (null: the whole disk without a partition table) and the cache mode.</summary>
public sealed record BcachePlan(BlockDevice CacheDisk, long? CachePartitionSize, string CacheMode);
