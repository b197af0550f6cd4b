namespace Ingot.Power.Redfish;

/// <summary>
/// A Redfish service and its credentials, from the power parameters: <c>power_address</c> with
/// <c>https://</c> prepended when it names no scheme (as MAAS does), <c>power_user</c>, <c>power_pass</c>.
/// </summary>
public sealed record RedfishEndpoint(Uri BaseUri, string User, string Password)
{
    public static RedfishEndpoint From(PowerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string address = context.Require("power_address");
        if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            address = "https://" + address;
        }

        return Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out Uri? uri)
            ? new RedfishEndpoint(uri, context.Get("power_user"), context.Get("power_pass"))
            : throw new PowerException(PowerErrorKind.Setting, $"'{address}' is not a valid Redfish address.");
    }

    /// <summary>The absolute URI of a service path such as <c>/redfish/v1/Systems</c>.</summary>
    public Uri Resolve(string path) => new(BaseUri, path.TrimStart('/'));

    public string SessionKey => $"{BaseUri}\n{User}\n{Password}";
}
