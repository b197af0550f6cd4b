using System.Text.RegularExpressions;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Enlistment;

/// <summary>
/// The pure part of MAAS's machine create form (<c>create_machine</c>, <c>fix_architecture</c>,
/// <c>requires_macs_and_architecture</c> and <c>WithMACAddressesMixin</c>): architecture and
/// kernel checks, required fields and MAC syntax. MAC uniqueness needs the store and is checked
/// by <see cref="MachineEnlister"/>, which reports it through <see cref="MacErrors"/> as well.
/// </summary>
public static partial class MachineForm
{
    public const string Required = "This field is required.";
    public const string HweInArchitecture = "hwe kernel must be specified using the min_hwe_kernel argument.";
    public const string BadMinHweKernel = "min_hwe_kernel must start with \"hwe-\" or \"ga-\"";
    public const string SubarchitectureTwice = "Subarchitecture cannot be specified twice.";
    public const string MacsInvalidSummary = "One or more MAC addresses is invalid.";
    private const int MaxMessages = 10;

    /// <summary>MAAS's <c>MAC_ERROR_MSG</c>.</summary>
    public static string InvalidMac(string mac) => $"'{mac}' is not a valid MAC address.";

    /// <summary>MAAS's <c>_mac_in_use_on_node_error</c>.</summary>
    public static string MacInUse(MacAddress mac, string hostname) => $"MAC address {mac} already in use on {hostname}.";

    /// <summary>
    /// <c>requires_macs_and_architecture</c>: both are needed unless the power type is ipmi, or the
    /// machine is added as deployed without a power type ("unknown"), or comes from a chassis (Ingot: MACs optional).
    /// </summary>
    public static bool RequiresMacsAndArchitecture(MachineRequest request) =>
        !(request.PowerType == "ipmi" || request.FromChassis || (request.Deployed && request.PowerType is null));

    /// <summary>
    /// <c>fix_architecture</c> and the hwe checks of <c>create_machine</c>: returns the architecture
    /// as <c>arch/subarch</c> (or null when none was given), throwing MAAS's 400 texts.
    /// </summary>
    public static string? NormaliseArchitecture(MachineRequest request)
    {
        string? arch = Blank(request.Architecture);
        string? subarch = Blank(request.Subarchitecture);
        if ((arch is not null && HweKernel().IsMatch(arch)) || (subarch is not null && HweKernel().IsMatch(subarch)))
        {
            throw MachineOperationException.Validation(HweInArchitecture);
        }

        if (Blank(request.MinHweKernel) is { } minHwe && !HweKernel().IsMatch(minHwe))
        {
            throw MachineOperationException.Validation(BadMinHweKernel);
        }

        if (arch is null)
        {
            return null;
        }

        if (arch.Contains('/', StringComparison.Ordinal))
        {
            return subarch is null ? arch : throw MachineOperationException.Validation(SubarchitectureTwice);
        }

        return $"{arch}/{subarch ?? "generic"}";
    }

    /// <summary>
    /// The field checks: architecture and MACs required (see <see cref="RequiresMacsAndArchitecture"/>;
    /// anonymous enlistment always requires the architecture) and MAC syntax. Returns the parsed MACs
    /// and adds any errors to <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<MacAddress> CheckFields(
        MachineRequest request, string? architecture, bool architectureAlwaysRequired, Dictionary<string, IReadOnlyList<string>> errors)
    {
        bool required = RequiresMacsAndArchitecture(request);
        if (architecture is null && (required || architectureAlwaysRequired))
        {
            errors["architecture"] = [Required];
        }

        string[] given = [.. request.MacAddresses.Where(m => !string.IsNullOrEmpty(m))];
        if (given.Length == 0 && required)
        {
            errors["mac_addresses"] = [Required];
            return [];
        }

        var macs = new List<MacAddress>();
        var macErrors = new List<string>();
        foreach (string text in given)
        {
            if (MacAddress.TryParse(text, out MacAddress mac))
            {
                macs.Add(mac);
            }
            else
            {
                macErrors.Add(InvalidMac(text));
            }
        }

        if (macErrors.Count > 0)
        {
            errors["mac_addresses"] = MacErrors(macErrors, given.Length);
        }

        return macs;
    }

    /// <summary>
    /// <c>WithMACAddressesMixin.is_valid</c>: with more than one MAC given, the field's errors are
    /// merged into one summary (<c>merge_error_messages</c>, at most ten, joined by an em dash).
    /// </summary>
    public static IReadOnlyList<string> MacErrors(IReadOnlyList<string> messages, int macCount)
    {
        if (macCount <= 1)
        {
            return messages;
        }

        string ellipsis = "";
        if (messages.Count > MaxMessages)
        {
            int more = messages.Count - MaxMessages;
            ellipsis = $" and {more} more error{(more > 1 ? "s" : "")}";
        }

        return [$"{MacsInvalidSummary} ({string.Join(" \u2014 ", messages.Take(MaxMessages))}{ellipsis})"];
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("(hwe|ga)-.+", RegexOptions.CultureInvariant)]
    private static partial Regex HweKernel();
}
