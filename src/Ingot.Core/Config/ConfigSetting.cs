namespace Ingot.Core.Config;

/// <summary>
/// One MAAS setting Ingot has: its name, type and default, and how a value sent to
/// <c>set_config</c> is checked. <see cref="Check"/> returns the value to store (normalised) or a
/// Django-style error message.
/// </summary>
public sealed record ConfigSetting(
    string Name,
    ConfigSettingKind Kind,
    object? Default,
    string Description,
    Func<string, (string? Stored, string? Error)> Check);
