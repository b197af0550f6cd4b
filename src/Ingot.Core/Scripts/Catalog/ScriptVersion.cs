namespace Ingot.Core.Scripts.Catalog;

/// <summary>One version of a script's text (MAAS's <c>VersionedTextFile</c>): immutable once stored.</summary>
public sealed class ScriptVersion
{
    /// <summary>The database key (0 until stored).</summary>
    public long RowId { get; set; }

    public long ScriptRowId { get; set; }

    public required string Data { get; set; }

    public string? Comment { get; set; }

    public DateTime Created { get; set; }
}
