using System.Text.RegularExpressions;
using Ingot.Core.Forms;

namespace Ingot.Core.Tags;

/// <summary>
/// MAAS's <c>TagForm</c> and <c>Tag.name</c> validator: letters, digits, underscores and dashes,
/// at most 256 characters. The definition's XPath syntax is checked by <see cref="TagDefinition.Check"/>.
/// </summary>
public static partial class TagForm
{
    public const string VerboseName = "Tag";

    public const int MaxLength = 256;

    public static string NameTaken => FormErrors.AlreadyExists(VerboseName);

    /// <summary>Throws MAAS's field errors for a bad name.</summary>
    public static void Check(string? name)
    {
        var errors = new FormErrors();
        errors.CheckName("name", name, MaxLength, Name());
        errors.ThrowIfAny();
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex Name();
}
