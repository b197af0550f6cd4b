namespace Ingot.Boot.Dhcp;

/// <summary>
/// A responder's verdict on one request: the reply to send (or none), the change to the lease
/// table (or none), and in words what happened, for the log.
/// </summary>
public sealed record DhcpAnswer(DhcpPacket? Reply, DhcpLeaseChange? Change, string Reason)
{
    public static DhcpAnswer Drop(string reason) => new(null, null, reason);
}
