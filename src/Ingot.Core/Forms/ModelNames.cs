using System.Text.RegularExpressions;

namespace Ingot.Core.Forms;

/// <summary>
/// MAAS's <c>MODEL_NAME_VALIDATOR</c> (<c>src/maasserver/fields.py</c>): a word character, then
/// word characters, spaces or dashes. Zones and resource pools are named by it (at most 256 characters).
/// </summary>
public static partial class ModelNames
{
    public const int MaxLength = 256;

    [GeneratedRegex(@"^\w[ \w-]*$")]
    public static partial Regex Pattern();
}
