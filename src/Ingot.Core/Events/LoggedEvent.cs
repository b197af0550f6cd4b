namespace Ingot.Core.Events;

/// <summary>An event with the machine it belongs to, as the event log lists it.</summary>
public sealed record LoggedEvent(MachineEvent Event, string SystemId, string Hostname);
