using Ingot.Core.Domains;
using Ingot.Core.Forms;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;

namespace Ingot.Core.Placement;

/// <summary>
/// Checks that the zone, pool, domain and tags a machine is about to be given exist, as MAAS's
/// machine forms do through their model choice fields. Machines keep these as names, so this is
/// what refuses a name that names nothing; the stores keep the names right when a zone, pool,
/// domain or tag is renamed or deleted.
/// </summary>
public sealed class MachinePlacement(IZoneStore zones, IResourcePoolStore pools, IDomainStore domains, ITagStore tags)
{
    /// <summary>Django's <c>ModelChoiceField</c> message.</summary>
    public const string InvalidChoice = "Select a valid choice. That choice is not one of the available choices.";

    /// <summary>
    /// Throws MAAS's field errors (400) for each given name that does not exist; a null argument
    /// is not checked.
    /// </summary>
    public async Task CheckAsync(string? zone, string? pool, string? domain, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (zone is not null && !await zones.ExistsAsync(zone, ct))
        {
            errors.Add("zone", InvalidChoice);
        }

        if (pool is not null && !await pools.ExistsAsync(pool, ct))
        {
            errors.Add("pool", InvalidChoice);
        }

        if (domain is not null && !await domains.ExistsAsync(domain, ct))
        {
            errors.Add("domain", InvalidChoice);
        }

        errors.ThrowIfAny();
    }

    /// <summary>Whether every tag in <paramref name="names"/> exists; the missing ones are returned.</summary>
    public async Task<IReadOnlyList<string>> MissingTagsAsync(IEnumerable<string> names, CancellationToken ct)
    {
        List<string> missing = [];
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            if (!await tags.ExistsAsync(name, ct))
            {
                missing.Add(name);
            }
        }

        return missing;
    }
}
