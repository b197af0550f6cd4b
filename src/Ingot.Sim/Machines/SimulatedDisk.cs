namespace Ingot.Sim.Machines;

/// <summary>A block device of a hardware profile: kernel name (<c>sda</c>), size, model, serial, SSD or not.</summary>
public sealed record SimulatedDisk(string Name, long SizeBytes, string Model, string Serial, bool Ssd);
