namespace Ingot.Core.Enlistment.Chassis;

/// <summary>
/// How far an <c>add_chassis</c> run is: <see cref="Systems"/> is null while the chassis is being probed, then the
/// number of systems it reported; <see cref="Checked"/> of them have been considered, <see cref="Added"/> added; each
/// system left out for an error is in <see cref="Refused"/> ("node_id: message").
/// </summary>
public sealed record ChassisProgress(int? Systems, int Checked, int Added, IReadOnlyList<string> Refused);
