using Ingot.Core.Power;

namespace Ingot.Power.Ipmi;

/// <summary>MAAS's <c>ipmi</c> power type (<c>IPMIPowerDriver.settings</c>): names, labels, choices and defaults.</summary>
public static class IpmiSchema
{
    public const string Name = "ipmi";

    public static PowerTypeSchema Schema { get; } = new(Name, "IPMI",
    [
        PowerParameterField.Choice("power_driver", "Power driver", "LAN_2_0", ("LAN", "LAN [IPMI 1.5]"), ("LAN_2_0", "LAN_2_0 [IPMI 2.0]"))
            with { Required = true },
        PowerParameterField.Choice("power_boot_type", "Power boot type", "auto", ("auto", "Automatic"), ("legacy", "Legacy boot"), ("efi", "EFI boot")),
        new("power_address", "IP address") { Required = true },
        new("power_user", "Power user"),
        PowerParameterField.Password("power_pass", "Power password"),
        PowerParameterField.Password("k_g", "K_g BMC key"),
        PowerParameterField.Choice("cipher_suite_id", "Cipher Suite ID", "3",
            ("17", "17 - HMAC-SHA256::HMAC_SHA256_128::AES-CBC-128"),
            ("3", "3 - HMAC-SHA1::HMAC-SHA1-96::AES-CBC-128"),
            ("", "freeipmi-tools default"),
            ("8", "8 - HMAC-MD5::HMAC-MD5-128::AES-CBC-128"),
            ("12", "12 - HMAC-MD5::MD5-128::AES-CBC-128")),
        PowerParameterField.Choice("privilege_level", "Privilege Level", "OPERATOR", ("USER", "User"), ("OPERATOR", "Operator"), ("ADMIN", "Administrator")),
        new("workaround_flags", "Workaround Flags")
        {
            FieldType = PowerFieldTypes.MultipleChoice,
            DefaultChoices = ["opensesspriv"],
            Choices =
            [
                .. new[]
                {
                    "opensesspriv", "authcap", "idzero", "unexpectedauth", "forcepermsg", "endianseq", "intel20",
                    "supermicro20", "sun20", "nochecksumcheck", "integritycheckvalue", "ipmiping",
                }.Select(f => new PowerParameterChoice(f, char.ToUpperInvariant(f[0]) + f[1..])),
                new PowerParameterChoice("", "None"),
            ],
        },
        new("mac_address", "Power MAC") { Scope = PowerParameterScope.Node },
        PowerParameterField.Choice("power_off_mode", "Power off mode", "hard", ("soft", "Soft power off"), ("hard", "Power off")),
    ])
    {
        IpExtractorField = "power_address",
    };
}
