namespace Ingot.Web.Admin;

/// <summary>A zone or resource pool as their pages show it: the key the operations take, name, description, machines in it.</summary>
public sealed record NamedItem(string Key, string Name, string Description, int Machines);
