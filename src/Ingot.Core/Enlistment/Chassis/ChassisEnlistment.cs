using Ingot.Core.Domains;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Enlistment.Chassis;

/// <summary>
/// <c>add_chassis</c> carried out (MAAS asks a rack to do it later; Ingot does it before answering): the
/// admin's chassis is probed, and each of its machines that Ingot does not know yet (same power type,
/// address and <c>node_id</c>) is added with the chassis's power parameters — NEW, or commissioning when
/// <c>accept_all</c>. A machine whose MAC another machine has is left out, as MAAS's rack leaves it.
/// </summary>
public sealed class ChassisEnlistment(IMachineStore machines, IDomainStore domains, IEnumerable<IChassisProber> probers)
{
    private const string NodeId = "node_id";
    private const string PowerAddress = "power_address";

    /// <summary>
    /// The machines added (<paramref name="enlister"/> creates them), in the chassis's order; <paramref name="progress"/>
    /// (optional) hears before the probe, after it and after each system.
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AddAsync(
        ChassisRequest request, Actor actor, MachineEnlister enlister, CancellationToken ct, IProgress<ChassisProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(enlister);
        AdminOnly.Demand(actor);
        string? domain = await DomainAsync(request.Domain, ct);
        IChassisProber prober = probers.FirstOrDefault(p => p.ChassisType == request.ChassisType)
            ?? throw MachineOperationException.Validation($"chassis type {request.ChassisType} is not supported by Ingot");
        IReadOnlyList<ChassisSystem> systems;
        progress?.Report(new ChassisProgress(null, 0, 0, []));
        try
        {
            systems = await prober.ProbeAsync(new ChassisAddress(request.Hostname, request.Username, request.Password), ct);
        }
        catch (ChassisProbeException e)
        {
            throw MachineOperationException.Validation($"Unable to add machines from chassis {request.Hostname}: {e.Message}");
        }

        HashSet<string> known = [.. (await machines.ListAsync(ct))
            .Where(m => m.PowerType == request.ChassisType && m.PowerParameters.GetValueOrDefault(PowerAddress) == request.Hostname)
            .Select(m => m.PowerParameters.GetValueOrDefault(NodeId, ""))];
        var added = new List<Machine>();
        var refused = new List<string>();
        progress?.Report(new ChassisProgress(systems.Count, 0, 0, []));
        for (int i = 0; i < systems.Count; i++)
        {
            ChassisSystem system = systems[i];
            if (!known.Contains(system.NodeId)
                && (request.PrefixFilter is not { } prefix || system.NodeId.StartsWith(prefix, StringComparison.Ordinal)))
            {
                try
                {
                    added.Add(await enlister.AddAsync(Describe(request, system, domain), actor, ct));
                }
                catch (MachineFormException e)
                {
                    // A MAC in use or a hostname taken: that machine is already known under another name.
                    refused.Add($"{system.NodeId}: {string.Join(" ", e.Errors.SelectMany(f => f.Value))}");
                }
            }

            progress?.Report(new ChassisProgress(systems.Count, i + 1, added.Count, [.. refused]));
        }

        return added;
    }

    private static MachineRequest Describe(ChassisRequest request, ChassisSystem system, string? domain) => new()
    {
        Hostname = system.Hostname,
        Architecture = system.Architecture ?? "amd64/generic",
        MacAddresses = system.MacAddresses,
        PowerType = request.ChassisType,
        PowerParameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PowerAddress] = request.Hostname,
            ["power_user"] = request.Username,
            ["power_pass"] = request.Password,
            [NodeId] = system.NodeId,
        },
        Domain = domain,
        Commission = request.AcceptAll,
        FromChassis = true,
    };

    /// <summary>The domain by id or name (MAAS: 404 "Unable to find specified domain X"), or null when none was given.</summary>
    private async Task<string?> DomainAsync(string? given, CancellationToken ct)
    {
        if (given is null)
        {
            return null;
        }

        Domain? domain = long.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
            ? await domains.FindByIdAsync(id, ct)
            : await domains.FindAsync(given, ct);
        return domain?.Name ?? throw new MachineOperationException(ErrorCategory.NotFound, "NotFound", $"Unable to find specified domain {given}");
    }
}
