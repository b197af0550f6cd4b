using Ingot.Core.Forms;
using Ingot.Core.Machines;

namespace Ingot.Core.Users;

/// <summary>
/// The <c>account/prefs/sshkeys/</c> operations (<c>SSHKeysHandler</c>, <c>SSHKeyHandler</c>): a
/// user lists, adds, reads and deletes their own keys; another user's key is 403 with MAAS's texts.
/// </summary>
public sealed class SshKeyOperations(ISshKeyStore store, TimeProvider time)
{
    public Task<IReadOnlyList<SshKey>> ListAsync(User user, CancellationToken ct) => store.ListAsync(user.Id, ct);

    /// <summary>Adds <paramref name="keyText"/> for <paramref name="user"/> (400 on a bad or duplicate key).</summary>
    public async Task<SshKey> CreateAsync(User user, string? keyText, CancellationToken ct)
    {
        var key = new SshKey { UserId = user.Id, Key = SshKeyForm.Normalise(keyText), Created = time.GetUtcNow().UtcDateTime };
        await store.AddAsync(key, ct);
        return key;
    }

    /// <summary>The key (404 "No SSHKey matches the given query."; 403 "Can't get a key you don't own.").</summary>
    public async Task<SshKey> GetAsync(User user, long id, CancellationToken ct)
    {
        SshKey key = await store.FindAsync(id, ct) ?? throw NotFound.Of("SSHKey");
        return key.UserId == user.Id ? key : throw MachineOperationException.PermissionDenied("Can't get a key you don't own.");
    }

    /// <summary>Deletes the key (404, or 403 "Can't delete a key you don't own.").</summary>
    public async Task DeleteAsync(User user, long id, CancellationToken ct)
    {
        SshKey key = await store.FindAsync(id, ct) ?? throw NotFound.Of("SSHKey");
        if (key.UserId != user.Id)
        {
            throw MachineOperationException.PermissionDenied("Can't delete a key you don't own.");
        }

        if (!await store.DeleteAsync(id, user.Id, ct))
        {
            throw NotFound.Of("SSHKey");
        }
    }
}
