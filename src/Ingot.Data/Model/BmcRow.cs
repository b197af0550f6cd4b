namespace Ingot.Data.Model;

/// <summary>
/// One BMC (MAAS's <c>BMC</c> model, table <c>bmcs</c>): its power type, its BMC-scoped power
/// parameters (Data-Protection-encrypted JSON, as the machine's) and the plain <c>power_address</c>
/// among them, used to find a chassis BMC to share. Machines point at it with <c>bmc_id</c>.
/// </summary>
public sealed class BmcRow
{
    public long Id { get; set; }

    public string PowerType { get; set; } = "";

    public string? PowerAddress { get; set; }

    /// <summary>The BMC-scoped parameters, encrypted.</summary>
    public string PowerParameters { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime Created { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Updated { get; set; }
}
