using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>
/// Where a network boot ended: an ephemeral kernel with its command line (the <c>cloud-config-url=</c>
/// is what the environment reads first), the local disk, or nothing (no lease, no script).
/// </summary>
public sealed record BootDecision(BootOutcome Outcome, IPAddress? Address, string KernelCommandLine = "", string Detail = "")
{
    /// <summary>The kernel parameter <paramref name="name"/>'s value, or null.</summary>
    public string? Parameter(string name) =>
        KernelCommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
}
