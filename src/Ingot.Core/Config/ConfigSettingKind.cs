namespace Ingot.Core.Config;

/// <summary>How a setting's value is typed on the wire (<c>get_config</c> returns it as JSON of this type).</summary>
public enum ConfigSettingKind
{
    Text,

    WholeNumber,

    Flag,
}
