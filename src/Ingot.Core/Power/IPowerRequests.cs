namespace Ingot.Core.Power;

/// <summary>Where the API hands a machine whose operation asked for power (see <see cref="MachinePower.CarryOutAsync"/>); carried out in the background.</summary>
public interface IPowerRequests
{
    void Submit(string systemId);
}
