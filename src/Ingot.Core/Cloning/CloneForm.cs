using System.Net;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Cloning;

/// <summary>
/// MAAS's <c>CloneForm</c> validation (<c>src/maasserver/forms/clone.py</c>): resolves the source
/// (viewable) and destinations (administrable, READY or FAILED_TESTING), then checks each
/// destination against the source and plans its clone. Changes nothing.
/// </summary>
internal static class CloneForm
{
    public const string Required = "This field is required.";
    public const string NeitherFlag = "Either storage or interfaces must be true.";

    public static async Task<CloneValidation> ValidateAsync(IMachineStore store, CloneRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new List<CloneError>();
        IReadOnlyList<Machine> all = await store.ListAsync(ct);

        Machine? source = null;
        if (string.IsNullOrEmpty(request.Source))
        {
            errors.Add(new(CloneError.SourceField, CloneErrorCodes.Required, Required));
        }
        else if (Find(all, request.Source) is { } found && CanView(found, actor))
        {
            source = found;
        }
        else
        {
            errors.Add(new(CloneError.SourceField, CloneErrorCodes.InvalidChoice, NotAChoice(request.Source)));
        }

        var destinations = new List<(string Given, Machine Machine)>();
        bool destinationsValid = true;
        if (request.Destinations is not { Count: > 0 })
        {
            errors.Add(new(CloneError.DestinationsField, CloneErrorCodes.Required, Required));
            destinationsValid = false;
        }
        else
        {
            for (int i = 0; i < request.Destinations.Count; i++)
            {
                string given = request.Destinations[i];
                if (Find(all, given) is { } dest && IsDestinationChoice(dest, actor))
                {
                    destinations.Add((given, dest));
                }
                else
                {
                    errors.Add(new(CloneError.DestinationsField, CloneErrorCodes.ItemInvalid, $"Machine {i + 1} is invalid: {NotAChoice(given)}"));
                    destinationsValid = false;
                }
            }
        }

        var plans = new List<ClonePlan>();
        if (source is not null && destinationsValid)
        {
            var used = all.SelectMany(m => m.Interfaces).SelectMany(i => i.Links)
                .Select(l => IPAddress.TryParse(l.IpAddress, out IPAddress? ip) ? ip : null)
                .OfType<IPAddress>()
                .ToHashSet();
            foreach ((string _, Machine dest) in destinations)
            {
                if (PlanFor(dest, source, request, used, errors) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        if (!request.Storage && !request.Interfaces)
        {
            errors.Add(new(CloneError.AllFields, CloneErrorCodes.Required, NeitherFlag));
        }

        return new CloneValidation(source, destinations, plans, errors);
    }

    /// <summary>The per-destination checks of <c>CloneForm.clean</c>; null when the destination failed.</summary>
    private static ClonePlan? PlanFor(Machine dest, Machine source, CloneRequest request, HashSet<IPAddress> used, List<CloneError> errors)
    {
        if (ReferenceEquals(dest, source) || dest.SystemId == source.SystemId)
        {
            errors.Add(new(CloneError.DestinationsField, CloneErrorCodes.IsSource,
                $"Source machine {Describe(dest)} cannot be a destination machine.", dest.SystemId));
            return null;
        }

        bool failed = false;
        IReadOnlyList<DiskPair>? disks = null;
        if (request.Storage)
        {
            if (StorageMapping.TryMap(dest, source, out IReadOnlyList<DiskPair> pairs) is { } reason)
            {
                errors.Add(Invalid(dest, CloneErrorCodes.Storage, reason));
                failed = true;
            }

            disks = pairs;
        }

        IReadOnlyList<NetworkInterface>? interfaces = null;
        if (request.Interfaces)
        {
            if (InterfaceMapping.TryMap(dest, source, out IReadOnlyDictionary<string, NetworkInterface> byName) is { } reason)
            {
                errors.Add(Invalid(dest, CloneErrorCodes.Networking, reason));
                failed = true;
            }
            else if (!failed)
            {
                var taken = new HashSet<IPAddress>(used);
                interfaces = InterfaceCopier.Copy(dest, source, byName, taken, out string? ipReason);
                if (ipReason is not null)
                {
                    errors.Add(Invalid(dest, CloneErrorCodes.Networking, ipReason));
                    failed = true;
                }
                else
                {
                    used.UnionWith(taken);
                }
            }
        }

        return failed ? null : new ClonePlan(dest, disks, interfaces);
    }

    /// <summary>MAAS's <c>str(node)</c>: <c>system_id (hostname)</c>.</summary>
    public static string Describe(Machine machine) => $"{machine.SystemId} ({machine.Hostname})";

    private static CloneError Invalid(Machine dest, string code, string reason) =>
        new(CloneError.DestinationsField, code, $"{Describe(dest)} is invalid: {reason}", dest.SystemId);

    private static string NotAChoice(string value) => $"Select a valid choice. {value} is not one of the available choices.";

    /// <summary><c>NodeChoiceField</c>: a machine by system_id, else by hostname.</summary>
    private static Machine? Find(IReadOnlyList<Machine> all, string key) =>
        all.FirstOrDefault(m => m.SystemId == key) ?? all.FirstOrDefault(m => m.Hostname == key);

    /// <summary>The view permission: unowned, owned by the user, or the user is an admin.</summary>
    private static bool CanView(Machine machine, Actor actor) =>
        machine.Owner is null || machine.Owner == actor.Username || actor.IsAdmin;

    /// <summary>The destinations' queryset: READY or FAILED_TESTING machines the user may admin (admin, not locked).</summary>
    private static bool IsDestinationChoice(Machine machine, Actor actor) =>
        machine.Status is MachineStatus.Ready or MachineStatus.FailedTesting && actor.IsAdmin && !machine.Locked;
}
