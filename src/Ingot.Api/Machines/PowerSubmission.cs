using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Api.Machines;

/// <summary>
/// Hands the machines an op asked power for to the power layer (<see cref="IPowerRequests"/>, present in
/// <c>ingot serve</c>), after the op saved them: per-machine ops and the bulk ops on <c>machines/</c> alike.
/// </summary>
internal static class PowerSubmission
{
    public static void Submit(ApiRequest request, IEnumerable<Machine> machines)
    {
        if (request.OptionalService<IPowerRequests>() is not { } requests)
        {
            return;
        }

        foreach (Machine machine in machines)
        {
            if (machine.RequestedPower != PowerRequest.None)
            {
                requests.Submit(machine.SystemId);
            }
        }
    }

    /// <summary>For ops that answer system_ids only: the executor finds nothing to do for a machine that asked for no power.</summary>
    public static void Submit(ApiRequest request, IEnumerable<string> systemIds)
    {
        if (request.OptionalService<IPowerRequests>() is { } requests)
        {
            foreach (string systemId in systemIds)
            {
                requests.Submit(systemId);
            }
        }
    }
}
