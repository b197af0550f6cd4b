namespace Ingot.Core.Events;

/// <summary>MAAS's event levels (Python <c>logging</c> levels): AUDIT is 0 in MAAS.</summary>
public enum EventLevel
{
    Audit = 0,
    Debug = 10,
    Info = 20,
    Warning = 30,
    Error = 40,
}
