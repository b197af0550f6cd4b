namespace Ingot.Core.Events;

/// <summary>
/// One of MAAS's event types (<c>EVENT_TYPES</c> / <c>EVENT_DETAILS</c> in
/// <c>src/provisioningserver/events.py</c>): its constant name, its description and its level.
/// </summary>
public sealed record EventType(string Name, string Description, EventLevel Level);
