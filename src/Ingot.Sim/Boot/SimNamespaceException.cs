namespace Ingot.Sim.Boot;

/// <summary>The sim's network namespace cannot be used: no such namespace or link, or not permitted; the message says which.</summary>
public sealed class SimNamespaceException(string message) : Exception(message);
