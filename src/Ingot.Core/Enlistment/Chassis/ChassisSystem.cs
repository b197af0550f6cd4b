namespace Ingot.Core.Enlistment.Chassis;

/// <summary>
/// One machine a chassis offers: its id on the chassis (the power parameter <c>node_id</c>), a hostname
/// when the chassis names one usable as such, its MAC addresses and architecture when the chassis says.
/// </summary>
public sealed record ChassisSystem(string NodeId, string? Hostname, IReadOnlyList<string> MacAddresses, string? Architecture);
