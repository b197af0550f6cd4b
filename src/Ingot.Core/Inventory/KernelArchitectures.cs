namespace Ingot.Core.Inventory;

/// <summary>MAAS's <c>kernel_to_debian_architecture</c>: the kernel's name to MAAS's <c>arch/generic</c>.</summary>
public static class KernelArchitectures
{
    private static readonly Dictionary<string, string> s_debian = new(StringComparer.Ordinal)
    {
        ["i686"] = "i386",
        ["x86_64"] = "amd64",
        ["aarch64"] = "arm64",
        ["ppc64le"] = "ppc64el",
        ["s390x"] = "s390x",
        ["mips"] = "mips",
        ["mips64"] = "mips64el",
    };

    /// <summary><c>amd64/generic</c> for <c>x86_64</c>; "" for an architecture MAAS does not know.</summary>
    public static string ToMaas(string kernelArchitecture) =>
        s_debian.TryGetValue(kernelArchitecture, out string? arch) ? arch + "/generic" : "";
}
