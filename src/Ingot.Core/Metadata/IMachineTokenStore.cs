namespace Ingot.Core.Metadata;

/// <summary>Where machines' metadata tokens live (one per machine).</summary>
public interface IMachineTokenStore
{
    /// <summary>The machine's token (secret decrypted), or null when it has none yet.</summary>
    Task<MachineToken?> FindForMachineAsync(string systemId, CancellationToken ct);

    /// <summary>The token with this token key (secret decrypted), or null.</summary>
    Task<MachineToken?> FindByTokenKeyAsync(string tokenKey, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="token"/> unless the machine already has one; returns the machine's
    /// token either way (two regions racing both get the same one).
    /// </summary>
    Task<MachineToken> AddIfAbsentAsync(MachineToken token, CancellationToken ct);

    /// <summary>Deletes the machine's token (the machine is deleted); false when it had none.</summary>
    Task<bool> DeleteAsync(string systemId, CancellationToken ct);
}
