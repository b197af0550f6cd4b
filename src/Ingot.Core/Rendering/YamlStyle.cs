namespace Ingot.Core.Rendering;

/// <summary>
/// How <see cref="YamlText"/> writes a document. <see cref="Plain"/> (curtin, netplan, cloud-init network
/// config): strings plain when no YAML reader could misread them, sequence items at their key's indent with
/// a mapping's first key on the dash line. <see cref="CloudConfig"/> (the preseeds): every string
/// double-quoted, keys plain when made of letters, digits, <c>_</c> and <c>-</c>, sequence items indented
/// under their key with each value on its own line after the dash.
/// </summary>
public sealed record YamlStyle(bool QuoteEveryString, bool CompactSequences)
{
    public static YamlStyle Plain { get; } = new(QuoteEveryString: false, CompactSequences: true);

    public static YamlStyle CloudConfig { get; } = new(QuoteEveryString: true, CompactSequences: false);
}
