namespace Ingot.Core.Power;

/// <summary>MAAS's power parameter field types (<c>make_setting_field</c>'s <c>field_type</c>).</summary>
public static class PowerFieldTypes
{
    public const string Text = "string";
    public const string Choice = "choice";
    public const string MultipleChoice = "multiple_choice";
    public const string Password = "password";
    public const string MacAddress = "mac_address";
}
