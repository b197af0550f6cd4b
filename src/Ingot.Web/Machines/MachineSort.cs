namespace Ingot.Web.Machines;

/// <summary>The machines list's sortable columns; ties sort by hostname, then system_id.</summary>
public enum MachineSort
{
    Fqdn,
    Status,
    Power,
    Owner,
    Zone,
    Pool,
    Cpu,
    Memory,
    Storage,
}
