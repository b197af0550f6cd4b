namespace Ingot.Core.Users;

/// <summary>Users' public SSH keys. One user cannot have the same key twice (the store refuses it atomically).</summary>
public interface ISshKeyStore
{
    /// <summary>The user's keys, oldest first.</summary>
    Task<IReadOnlyList<SshKey>> ListAsync(long userId, CancellationToken ct);

    Task<SshKey?> FindAsync(long id, CancellationToken ct);

    /// <summary>
    /// Inserts a key; the same key already added for the same user is refused with
    /// <see cref="SshKeyForm.Duplicate"/> (400).
    /// </summary>
    Task AddAsync(SshKey key, CancellationToken ct);

    /// <summary>Deletes the key if it belongs to <paramref name="userId"/>; false otherwise.</summary>
    Task<bool> DeleteAsync(long id, long userId, CancellationToken ct);
}
