namespace Ingot.Core.Cloning;

/// <summary>The error codes of MAAS's clone form (the UI groups errors by them).</summary>
public static class CloneErrorCodes
{
    public const string Required = "required";
    public const string InvalidChoice = "invalid_choice";
    public const string ItemInvalid = "item_invalid";
    public const string IsSource = "is-source";
    public const string Storage = "storage";
    public const string Networking = "networking";
}
