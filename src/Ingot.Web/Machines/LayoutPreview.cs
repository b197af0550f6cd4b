namespace Ingot.Web.Machines;

/// <summary>The storage rows a layout would make on a machine (Core's <c>StorageLayout.Preview</c>), or why it does not fit.</summary>
public sealed record LayoutPreview(IReadOnlyList<StorageRow> Rows, string? Refusal);
