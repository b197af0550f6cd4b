namespace Ingot.Core.Users;

/// <summary>
/// A user's public SSH key (MAAS's <c>SSHKey</c>): installed on the machines the user deploys.
/// <see cref="Key"/> is in the normalised form <see cref="SshKeyForm.Normalise"/> returns.
/// </summary>
public sealed class SshKey
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string Key { get; set; }

    public DateTime Created { get; set; }
}
