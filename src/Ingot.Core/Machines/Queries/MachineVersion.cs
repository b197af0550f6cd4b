namespace Ingot.Core.Machines.Queries;

/// <summary>A machine's id and its <see cref="Machine.Version"/>: one state of one machine.</summary>
public readonly record struct MachineVersion(long Id, long Version);
