using Ingot.Core.Forms;

namespace Ingot.Core.Zones;

/// <summary>MAAS's <c>ZoneForm</c>: the name is required, at most 256 characters, and a model name.</summary>
public static class ZoneForm
{
    /// <summary>The model's verbose name, as Django's messages use it.</summary>
    public const string VerboseName = "Physical zone";

    public const string CannotDeleteDefault = "This zone is the default zone, it cannot be deleted.";

    public const string CannotRenameDefault = "This zone is the default zone, it cannot be renamed.";

    public static string NameTaken => FormErrors.AlreadyExists(VerboseName);

    /// <summary>Throws MAAS's field errors for a bad name.</summary>
    public static void Check(string? name)
    {
        var errors = new FormErrors();
        errors.CheckName("name", name, ModelNames.MaxLength, ModelNames.Pattern());
        errors.ThrowIfAny();
    }
}
