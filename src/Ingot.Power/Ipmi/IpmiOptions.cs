namespace Ingot.Power.Ipmi;

/// <summary>Limits for FreeIPMI calls: each process is killed at <see cref="ProcessTimeout"/>; <see cref="SessionTimeout"/>, when set, is passed as <c>--session-timeout</c>.</summary>
public sealed record IpmiOptions
{
    public TimeSpan ProcessTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan? SessionTimeout { get; init; }
}
