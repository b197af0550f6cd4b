using System.Diagnostics.CodeAnalysis;

namespace Ingot.Core.Machines.Permissions;

/// <summary>MAAS's <c>NodePermission</c> levels (<c>src/maasserver/permissions.py</c>).</summary>
[SuppressMessage("Naming", "CA1711", Justification = "MAAS's own name for these levels.")]
public enum NodePermission
{
    View,
    Edit,
    Admin,
    Lock,
}
