using Ingot.Core.Users;

namespace Ingot.Core.Metadata;

/// <summary>
/// MAAS's <c>NodeKey.objects.get_token_for_node</c>: a machine's metadata token, made (18-character
/// consumer and token keys, 32-character secret, as every MAAS token) the first time it is asked for.
/// </summary>
public sealed class MachineTokens(IMachineTokenStore store, TimeProvider time)
{
    public async Task<MachineToken> GetOrCreateAsync(string systemId, CancellationToken ct)
    {
        if (await store.FindForMachineAsync(systemId, ct) is { } token)
        {
            return token;
        }

        ApiToken fresh = ApiTokenGenerator.Create(0, "", time.GetUtcNow().UtcDateTime);
        return await store.AddIfAbsentAsync(
            new MachineToken
            {
                SystemId = systemId,
                ConsumerKey = fresh.ConsumerKey,
                TokenKey = fresh.TokenKey,
                TokenSecret = fresh.TokenSecret,
                Created = fresh.Created,
            },
            ct);
    }
}
