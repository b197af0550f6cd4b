namespace Ingot.Power.Redfish;

/// <summary>How the Redfish driver authenticates: HTTP Basic on every request (MAAS's way) or a Redfish session (<c>X-Auth-Token</c>).</summary>
public enum RedfishAuthentication
{
    Basic,
    Session,
}
