using Ingot.Core.Forms;

namespace Ingot.Core.ResourcePools;

/// <summary>MAAS's <c>ResourcePoolForm</c> and <c>ResourcePool.delete</c> texts.</summary>
public static class ResourcePoolForm
{
    public const string VerboseName = "Resource pool";

    public const string CannotDeleteDefault = "This is the default pool, it cannot be deleted.";

    public const string CannotRenameDefault = "This is the default pool, it cannot be renamed.";

    public const string HasMachines = "Pool has machines in it, it cannot be deleted.";

    public static string NameTaken => FormErrors.AlreadyExists(VerboseName);

    /// <summary>Throws MAAS's field errors for a bad name.</summary>
    public static void Check(string? name)
    {
        var errors = new FormErrors();
        errors.CheckName("name", name, ModelNames.MaxLength, ModelNames.Pattern());
        errors.ThrowIfAny();
    }
}
