using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Core.Tests.Properties;

/// <summary>Everything an action could change on a machine, to compare before and after a refusal.</summary>
internal sealed record MachineSnapshot(
    MachineStatus Status,
    MachineStatus PreviousStatus,
    string? Owner,
    bool Locked,
    DateTime? StatusExpires,
    string ErrorDescription,
    string Osystem,
    string DistroSeries,
    string HweKernel,
    string AgentName,
    PowerState PowerState,
    PowerRequest RequestedPower,
    string Zone,
    string Pool,
    string Tags,
    bool EnableSsh,
    bool Netboot,
    ScriptSetStatus? CommissioningResult,
    bool Enlisting,
    string Error,
    int PendingEvents,
    long Version,
    DateTime Updated)
{
    public static MachineSnapshot Of(Machine m) => new(
        m.Status, m.PreviousStatus, m.Owner, m.Locked, m.StatusExpires, m.ErrorDescription, m.Osystem, m.DistroSeries,
        m.HweKernel, m.AgentName, m.PowerState, m.RequestedPower, m.Zone, m.Pool, string.Join(",", m.Tags), m.EnableSsh,
        m.Netboot, m.CommissioningResult, m.Enlisting, m.Error, m.PendingEvents.Count, m.Version, m.Updated);
}
