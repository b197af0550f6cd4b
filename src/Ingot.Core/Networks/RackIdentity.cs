using Ingot.Core.Config;
using Ingot.Core.Enlistment;

namespace Ingot.Core.Networks;

/// <summary>
/// The system_id of Ingot's own rack role: generated once, kept in the global settings under
/// <see cref="SettingName"/> (not one <c>get_config</c> exposes), the same for every region and restart.
/// </summary>
public static class RackIdentity
{
    public const string SettingName = "ingot_rack_system_id";

    public static async Task<string> SystemIdAsync(IConfigStore config, CancellationToken ct)
    {
        if (await config.GetAsync(SettingName, ct) is { Length: > 0 } existing)
        {
            return existing;
        }

        await config.SetAsync(SettingName, SystemIdGenerator.Shared.Next(), ct);

        // Two regions starting at once may both write; both then read back the one that stayed.
        return await config.GetAsync(SettingName, ct) ?? throw new InvalidOperationException("The rack system_id was not stored.");
    }
}
