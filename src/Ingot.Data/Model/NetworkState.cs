namespace Ingot.Data.Model;

/// <summary>The one row that carries the network model's version (compare-and-set for every network write).</summary>
public sealed class NetworkState
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
