namespace Ingot.Sim.Ipmi;

/// <summary>One ipmi_sim BMC: name, loopback address and UDP port, its one (admin) user, and what it powers: a qemu VM (<see cref="Vm"/>), a given chassis control command, or the built-in file-backed script.</summary>
public sealed record IpmiSimOptions(string Name, int Port)
{
    public string Address { get; init; } = "127.0.0.1";

    public string User { get; init; } = "admin";

    public string Password { get; init; } = "password";

    /// <summary>The program ipmi_sim runs for power and boot device, before the BMC directory argument; null = <see cref="IpmiChassisScript"/>.</summary>
    public string? ChassisControl { get; init; }

    /// <summary>The qemu VM this BMC powers through <see cref="IpmiVmChassisScript"/> (when <see cref="ChassisControl"/> is null).</summary>
    public IpmiVm? Vm { get; init; }
}
