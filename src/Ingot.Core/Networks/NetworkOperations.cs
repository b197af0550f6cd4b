using Ingot.Core.Forms;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// The network model's operations as MAAS's fabric, VLAN, space, subnet, IP range and IP address
/// handlers do them, with MAAS's validation and texts. Anyone may read; changing fabrics, VLANs,
/// spaces and subnets is for admins. Each change is decided on one snapshot of the model and written
/// compare-and-set; a lost race is decided again on a fresh snapshot.
/// </summary>
public sealed partial class NetworkOperations(INetworkStore store, Machines.IMachineStore machines, NetworkModelVersion version, TimeProvider time)
{
    private const int Attempts = 20;

    public Task<NetworkModel> LoadAsync(CancellationToken ct) => store.LoadAsync(ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Decides a change on a fresh snapshot and writes it; retries when someone else wrote first.</summary>
    private async Task<T> EditAsync<T>(Actor? admin, Func<NetworkModel, (NetworkChange Change, T Result)> decide, CancellationToken ct)
    {
        if (admin is not null)
        {
            AdminOnly.Demand(admin);
        }

        for (int attempt = 1; ; attempt++)
        {
            NetworkModel model = await store.LoadAsync(ct);
            (NetworkChange change, T result) = decide(model);
            if (await store.SaveAsync(change, ct))
            {
                version.Bump();
                return result;
            }

            if (attempt == Attempts)
            {
                throw NetworkErrors.Conflict();
            }
        }
    }
}
