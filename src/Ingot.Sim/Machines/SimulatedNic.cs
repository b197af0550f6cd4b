namespace Ingot.Sim.Machines;

/// <summary>A network card of a hardware profile: interface name, MAC (<c>aa:bb:cc:dd:ee:ff</c>) and speed in Mbit/s.</summary>
public sealed record SimulatedNic(string Name, string Mac, int SpeedMbps);
