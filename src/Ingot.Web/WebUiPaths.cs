namespace Ingot.Web;

/// <summary>The web UI's URLs: everything under <c>/MAAS/r/</c>, as MAAS serves its UI.</summary>
public static class WebUiPaths
{
    public const string Root = "/MAAS/r/";

    public const string Login = "/MAAS/r/login";

    public const string Logout = "/MAAS/r/logout";

    public const string Machines = "/MAAS/r/machines";

    public const string AddMachine = "/MAAS/r/machines/add";

    public const string AddFromBmc = "/MAAS/r/machines/add-bmc";

    public const string Zones = "/MAAS/r/zones";

    public const string Pools = "/MAAS/r/pools";

    public const string Tags = "/MAAS/r/tags";

    public const string Subnets = "/MAAS/r/networks";

    public const string Images = "/MAAS/r/images";

    public const string Users = "/MAAS/r/settings/users";

    public const string Settings = "/MAAS/r/settings/configuration";

    public const string Events = "/MAAS/r/events";

    public const string Stylesheet = "/MAAS/r/ingot.css";

    public static string Machine(string systemId) => $"/MAAS/r/machine/{Uri.EscapeDataString(systemId)}";

    /// <summary>A return URL the login page may redirect to: a local path under the UI, else the machines list.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(Root, StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : Machines;
}
