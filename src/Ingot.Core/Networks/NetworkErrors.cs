using Ingot.Core.Machines;

namespace Ingot.Core.Networks;

/// <summary>MAAS's texts for network refusals that are not field errors.</summary>
public static class NetworkErrors
{
    public const string DhcpNeedsDynamicRange = "dhcp can only be turned on when a dynamic IP range is defined.";

    public const string DhcpNeedsPrimaryRack = "dhcp can only be turned on when a primary rack controller is set.";

    public const string SameRacks = "The primary and secondary rack must be different";

    public const string InvalidChoice = "Select a valid choice. That choice is not one of the available choices.";

    public const string DefaultVlanNotDeletable = "This VLAN is the default VLAN in the fabric, it cannot be deleted.";

    public const string DefaultFabricNotDeletable = "This fabric is the default fabric, it cannot be deleted.";

    public const string SubnetServesDhcp = "Cannot delete a subnet that is actively servicing a dynamic IP range. (Delete the dynamic range or disable DHCP first.)";

    public const string GatewayOutsideSubnet = "Gateway IP must be within CIDR range.";

    public static MachineOperationException Conflict() =>
        new(ErrorCategory.Conflict, "Conflict", "The network model changed while this request was handled; try again.");
}
