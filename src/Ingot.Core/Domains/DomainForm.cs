using System.Text.RegularExpressions;
using Ingot.Core.Forms;

namespace Ingot.Core.Domains;

/// <summary>
/// MAAS's <c>DomainForm</c> and <c>validate_domain_name</c>: DNS labels of at most 63 characters
/// (letters, digits, inner dashes) joined by dots, an optional final dot, at most 255 characters;
/// a TTL of zero or more seconds, or none.
/// </summary>
public static partial class DomainForm
{
    public const string VerboseName = "Domain";

    public const string TooLong = "Domain name cannot exceed 255 characters.";

    public const string InvalidCharacters = "Domain name contains invalid characters.";

    public const string Invalid = "Invalid domain name.";

    public const string CannotDeleteDefault = "This domain is the default domain, it cannot be deleted.";

    public const string CannotRenameDefault = "This domain is the default domain, it cannot be renamed.";

    public static string NameTaken => FormErrors.AlreadyExists(VerboseName);

    /// <summary>Ingot's text: MAAS protects the domain of its machines at the database level.</summary>
    public static string HasMachines(string name) => $"Domain {name} has machines in it, it cannot be deleted.";

    /// <summary>Throws MAAS's field errors for a bad name or TTL.</summary>
    public static void Check(string? name, int? ttl)
    {
        var errors = new FormErrors();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", FormErrors.Required);
        }
        else if (name.Length > 255)
        {
            errors.Add("name", TooLong);
        }
        else if (!Name().IsMatch(name))
        {
            errors.Add("name", Disallowed().IsMatch(name) ? InvalidCharacters : Invalid);
        }

        if (ttl < 0)
        {
            errors.Add("ttl", FormErrors.TooSmall(0));
        }

        errors.ThrowIfAny();
    }

    [GeneratedRegex(@"^([a-zA-Z0-9]([-a-zA-Z0-9]{0,62}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([-a-zA-Z0-9]{0,62}[a-zA-Z0-9])?\.?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"[^a-zA-Z0-9.-]")]
    private static partial Regex Disallowed();
}
