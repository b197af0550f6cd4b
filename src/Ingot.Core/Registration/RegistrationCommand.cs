using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Metadata;
using Ingot.Core.Scripts;

namespace Ingot.Core.Registration;

/// <summary>
/// The one-use registration URL of a DEPLOYED machine and the command a user runs on it
/// (<c>curl -fsSL &lt;url&gt; | sudo sh</c>): the same for the REST op <c>get_registration_command</c> and the
/// machine page's button.
/// </summary>
public sealed record RegistrationCommand(string Url, string Command)
{
    /// <summary>Where the registration script is served: <c>/MAAS/register/&lt;token&gt;</c>.</summary>
    public const string PathPrefix = "/MAAS/register/";

    public const string NotDeployed = "Only a deployed machine can report its hardware from its running system.";

    /// <summary>
    /// The command for <paramref name="machine"/> with its metadata token and the commissioning set of its current run
    /// (<paramref name="set"/>, if any), served from <paramref name="origin"/> (scheme and host, no path).
    /// </summary>
    public static RegistrationCommand For(string origin, Machine machine, MachineToken token, ScriptSet? set)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string url = origin.TrimEnd('/') + PathPrefix + RegistrationTokens.Issue(machine, token, set);
        return new RegistrationCommand(url, $"curl -fsSL {url} | sudo sh");
    }

    /// <summary>
    /// The command for the machine, or a refusal (<see cref="NotDeployed"/>) when it is not DEPLOYED; creates the
    /// machine's metadata token when it has none.
    /// </summary>
    public static async Task<RegistrationCommand> IssueAsync(string origin, Machine machine, MachineTokens tokens, IScriptResultStore results, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(results);
        if (machine.Status != MachineStatus.Deployed)
        {
            throw MachineOperationException.StateViolation(NotDeployed);
        }

        MachineToken token = await tokens.GetOrCreateAsync(machine.SystemId, ct);
        return For(origin, machine, token, await results.FindSetAsync(machine.SystemId, ScriptSetKind.Commissioning, machine.ScriptRun, ct));
    }
}
