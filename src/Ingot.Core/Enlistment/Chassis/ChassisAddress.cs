namespace Ingot.Core.Enlistment.Chassis;

/// <summary>Where a chassis is and how to log in: <c>add_chassis</c>'s <c>hostname</c>, <c>username</c>, <c>password</c>.</summary>
public sealed record ChassisAddress(string Hostname, string Username, string Password);
