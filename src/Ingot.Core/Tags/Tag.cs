namespace Ingot.Core.Tags;

/// <summary>
/// A tag (MAAS's <c>Tag</c>): a label on machines (<see cref="Machines.Machine.Tags"/>, by name),
/// optionally with an XPath <see cref="Definition"/> over the commissioning hardware details that
/// decides which machines carry it (<see cref="TagEvaluation"/>), and kernel
/// options for the machines that carry it.
/// </summary>
public sealed class Tag
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>An XPath expression; empty for a manual tag.</summary>
    public string Definition { get; set; } = "";

    public string Comment { get; set; } = "";

    public string KernelOpts { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }
}
