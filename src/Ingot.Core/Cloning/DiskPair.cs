using Ingot.Core.Hardware;

namespace Ingot.Core.Cloning;

/// <summary>A destination disk and the source disk whose storage configuration it receives.</summary>
public sealed record DiskPair(BlockDevice Destination, BlockDevice Source);
