namespace Ingot.Power.Processes;

/// <summary>How a program ended: exit code and output; <see cref="TimedOut"/> when it was killed at the timeout.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut = false);
