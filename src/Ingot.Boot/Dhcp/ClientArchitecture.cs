namespace Ingot.Boot.Dhcp;

/// <summary>Option 93 processor architecture types (RFC 4578 §2.1 and IANA's registry) that Ingot boots.</summary>
public static class ClientArchitecture
{
    public const ushort X86Bios = 0;
    public const ushort EfiIa32 = 6;
    public const ushort EfiBc = 7;
    public const ushort EfiX64 = 9;
    public const ushort EfiArm64 = 11;
    public const ushort EfiX64Http = 16;
    public const ushort EfiArm64Http = 19;

    /// <summary>The first-stage file for <paramref name="architecture"/>, or null for one Ingot has no file for.</summary>
    public static string? FirstStage(ushort? architecture, DhcpBootSettings settings) => architecture switch
    {
        null or X86Bios => settings.BiosLoader,
        EfiBc or EfiX64 or EfiX64Http => settings.UefiLoader,
        EfiArm64 or EfiArm64Http => settings.Arm64Loader,
        _ => null,
    };
}
