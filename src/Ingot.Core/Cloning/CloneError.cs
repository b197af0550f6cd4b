namespace Ingot.Core.Cloning;

/// <summary>
/// One error of the clone form, as MAAS reports it: the form field (<c>source</c>,
/// <c>destinations</c> or <c>__all__</c>), the error code (see <see cref="CloneErrorCodes"/>), the
/// message, and for errors about one destination its system_id.
/// </summary>
public sealed record CloneError(string Field, string Code, string Message, string? SystemId = null)
{
    public const string SourceField = "source";
    public const string DestinationsField = "destinations";
    public const string AllFields = "__all__";
}
