using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Editing;

namespace Ingot.Api.Machines;

/// <summary>
/// Reads MAAS's machine request parameters into Core's requests: lists as repeated keys (and
/// comma-joined MACs, as enlistment sends them), booleans as MAAS reads them, <c>power_parameters_&lt;name&gt;</c>
/// fields (and enlistment's <c>power_parameters</c> JSON), <c>distro_series</c> as <c>series</c> or
/// <c>os/series</c>. Only parsing: every rule is Core's.
/// </summary>
internal static class MachineForms
{
    private const string PowerParameterPrefix = "power_parameters_";

    private static readonly HashSet<string> s_oauthKeys =
        ["oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_nonce", "oauth_version"];

    /// <summary>The parameters as key → values, in arrival order (what Core's filters take).</summary>
    public static Dictionary<string, IReadOnlyList<string>> ToForm(ApiParameters parameters) =>
        parameters.Keys.ToDictionary(k => k, k => parameters.GetAll(k), StringComparer.Ordinal);

    /// <summary>
    /// <c>POST /machines/</c>. <paramref name="isAdmin"/> false drops the admin-only fields (description,
    /// zone, pool), which MAAS's non-admin form does not have.
    /// </summary>
    public static MachineRequest Create(ApiParameters p, bool isAdmin) => new()
    {
        Hostname = p.Get("hostname"),
        Architecture = p.Get("architecture"),
        Subarchitecture = p.Get("subarchitecture"),
        MinHweKernel = p.Get("min_hwe_kernel"),
        MacAddresses = SplitCommas(p.GetAll("mac_addresses")),
        PowerType = NonEmpty(p.Get("power_type")),
        PowerParameters = PowerParameters(p),
        SkipPowerCheck = p.GetBool("power_parameters_skip_check", fallback: false),
        Domain = NonEmpty(p.Get("domain")),
        Zone = isAdmin ? NonEmpty(p.Get("zone")) : null,
        Pool = isAdmin ? NonEmpty(p.Get("pool")) : null,
        Description = isAdmin ? p.Get("description") : null,
        Commission = OptionalBool(p, "commission"),
        Deployed = p.GetBool("deployed", fallback: false),
    };

    /// <summary><c>PUT /machines/{system_id}/</c>.</summary>
    public static MachineEdit Edit(ApiParameters p) => new()
    {
        Hostname = p.Get("hostname"),
        Description = p.Get("description"),
        Domain = p.Get("domain"),
        Architecture = p.Get("architecture"),
        MinHweKernel = p.Get("min_hwe_kernel"),
        PowerType = p.Get("power_type"),
        PowerParameters = PowerParameters(p),
        SkipPowerCheck = p.GetBool("power_parameters_skip_check", fallback: false),
        Zone = p.Get("zone"),
        Pool = p.Get("pool"),
        CpuCount = p.Get("cpu_count"),
        Memory = p.Get("memory"),
    };

    /// <summary>
    /// <c>op=deploy</c>. <c>user_data</c> must be base64 (400 otherwise); it is kept with the machine
    /// and the deployed OS reads it, decoded, from the metadata API's <c>user-data</c>. <c>enable_hw_sync</c> is a
    /// boolean (Core refuses it on a non-Linux OS).
    /// </summary>
    public static DeployOptions Deploy(ApiParameters p)
    {
        if (p.Get("user_data") is { Length: > 0 } userData && !IsBase64(userData))
        {
            throw ApiValidationException.Field("user_data", "Enter valid base64-encoded data.");
        }

        if (p.GetBool("install_kvm", fallback: false) || p.GetBool("register_vmhost", fallback: false))
        {
            throw ApiValidationException.Field("install_kvm", "Ingot does not deploy VM hosts.");
        }

        string osystem = p.Get("osystem") ?? "";
        string series = p.Get("distro_series") ?? "";
        if (series.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            osystem = series[..slash];
            series = series[(slash + 1)..];
        }

        return new DeployOptions(
            Osystem: osystem,
            DistroSeries: series,
            HweKernel: p.Get("hwe_kernel") ?? "",
            AgentName: p.Get("agent_name") ?? "",
            EphemeralDeploy: p.GetBool("ephemeral_deploy", fallback: false),
            Comment: p.Get("comment"),
            UserData: p.Get("user_data") ?? "",
            EnableHwSync: p.GetBool("enable_hw_sync", fallback: false));
    }

    public static ReleaseOptions Release(ApiParameters p) => new(
        Erase: p.GetBool("erase", fallback: false),
        SecureErase: p.GetOptionalBool("secure_erase"),
        QuickErase: p.GetOptionalBool("quick_erase"),
        Comment: p.Get("comment"));

    /// <summary>
    /// <c>op=commission</c>. <c>commissioning_scripts</c>, <c>testing_scripts</c> and script parameters
    /// are accepted; Core has no script sets to select from yet.
    /// </summary>
    public static CommissioningOptions Commissioning(ApiParameters p) => new(
        EnableSsh: p.GetBool("enable_ssh", fallback: false),
        SkipBmcConfig: p.GetBool("skip_bmc_config", fallback: false),
        SkipNetworking: p.GetBool("skip_networking", fallback: false),
        SkipStorage: p.GetBool("skip_storage", fallback: false));

    /// <summary><c>stop_mode</c>: <c>hard</c> (default) or <c>soft</c>.</summary>
    public static StopMode StopMode(ApiParameters p) => p.Get("stop_mode") switch
    {
        null or "" or "hard" => Core.Machines.Actions.StopMode.Hard,
        "soft" => Core.Machines.Actions.StopMode.Soft,
        var other => throw ApiValidationException.Field("stop_mode", $"Select a valid choice. {other} is not one of the available choices."),
    };

    /// <summary>Workload annotations: every key but <c>op</c> and OAuth's, the last value of each.</summary>
    public static Dictionary<string, string> Annotations(ApiParameters p) =>
        p.Keys.Where(k => k != "op" && !s_oauthKeys.Contains(k)).ToDictionary(k => k, k => p.Get(k) ?? "", StringComparer.Ordinal);

    /// <summary>
    /// The <c>mac_address</c> of <c>is_registered</c>/<c>is_action_in_progress</c>: required (400
    /// "No provided mac_address!"), possibly several joined by commas, each well formed (400 otherwise).
    /// </summary>
    public static IReadOnlyList<MacAddress> Macs(ApiParameters p)
    {
        string[] texts = [.. SplitCommas([p.Required("mac_address")])];
        string[] invalid = [.. texts.Where(t => !MacAddress.TryParse(t, out _))];
        return invalid.Length > 0
            ? throw ApiException.BadRequest($"Invalid MAC address(es): {string.Join(", ", invalid)}.")
            : [.. texts.Select(MacAddress.Parse)];
    }

    /// <summary>
    /// <c>power_parameters_&lt;name&gt;</c> fields (not <c>power_parameters_skip_check</c>, which is an
    /// option), over enlistment's <c>power_parameters</c> JSON object.
    /// </summary>
    private static Dictionary<string, string> PowerParameters(ApiParameters p)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p.Get("power_parameters") is { Length: > 0 } json)
        {
            foreach ((string name, string value) in ParseJsonObject(json))
            {
                parameters[name] = value;
            }
        }

        foreach (string key in p.Keys.Where(k => k.StartsWith(PowerParameterPrefix, StringComparison.Ordinal) && k != "power_parameters_skip_check"))
        {
            parameters[key[PowerParameterPrefix.Length..]] = p.Get(key) ?? "";
        }

        return parameters;
    }

    private static IEnumerable<(string Name, string Value)> ParseJsonObject(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            root = default;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiValidationException.Field("power_parameters", "Enter a JSON object of power parameters.");
        }

        return root.EnumerateObject()
            .Select(e => (e.Name, e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() ?? "" : e.Value.GetRawText()));
    }

    private static IReadOnlyList<string> SplitCommas(IReadOnlyList<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static bool? OptionalBool(ApiParameters p, string name) =>
        string.IsNullOrEmpty(p.Get(name)) ? null : p.GetBool(name, fallback: false);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsBase64(string text)
    {
        byte[] buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _)
            || Convert.TryFromBase64String(text.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal), buffer, out _);
    }
}
