namespace Ingot.Core.Metadata;

/// <summary>
/// A machine's metadata credentials (MAAS's <c>NodeKey</c>: an OAuth token of the system user
/// <c>maas-init-node</c> tied to one node): the token identifies the machine on every authenticated
/// metadata call, never the URL. The secret is encrypted at rest.
/// </summary>
public sealed class MachineToken
{
    public long Id { get; set; }

    public required string SystemId { get; set; }

    public required string ConsumerKey { get; set; }

    public required string TokenKey { get; set; }

    public required string TokenSecret { get; set; }

    public DateTime Created { get; set; }
}
