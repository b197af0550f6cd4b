namespace Ingot.Power.Processes;

/// <summary>Runs a program to completion (the port the IPMI driver runs FreeIPMI through, faked in tests).</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs <paramref name="invocation"/>; kills it (and its children) after <paramref name="timeout"/>.
    /// Throws <see cref="FileNotFoundException"/> when the program does not exist.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessInvocation invocation, TimeSpan timeout, CancellationToken ct);
}
