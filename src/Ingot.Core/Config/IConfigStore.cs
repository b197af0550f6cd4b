namespace Ingot.Core.Config;

/// <summary>
/// MAAS's global settings (<c>Config</c> in MAAS): named values such as <c>node_timeout</c>,
/// shared by every region on one database. Values are strings; callers parse them.
/// </summary>
public interface IConfigStore
{
    /// <summary>The value of <paramref name="name"/>, or null when it was never set.</summary>
    Task<string?> GetAsync(string name, CancellationToken ct);

    /// <summary>Sets (or replaces) the value of <paramref name="name"/>.</summary>
    Task SetAsync(string name, string value, CancellationToken ct);

    /// <summary>Every setting that was set, by name.</summary>
    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct);
}
