namespace Ingot.Boot.Dhcp;

public enum DhcpLeaseChangeKind
{
    /// <summary>An OFFER holds the address for the client for a short while; not stored.</summary>
    Offer,

    /// <summary>An ACK binds the address to the client until the lease ends; stored.</summary>
    Bind,

    /// <summary>RELEASE frees the client's lease; removed from the store.</summary>
    Release,

    /// <summary>DECLINE: the address is in use by someone else; nobody gets it for a while.</summary>
    Decline,
}
