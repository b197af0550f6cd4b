namespace Ingot.Core.Config;

/// <summary>The MAAS setting names Ingot reads.</summary>
public static class ConfigNames
{
    /// <summary>Minutes until commissioning, testing, deploying or entering rescue mode times out.</summary>
    public const string NodeTimeout = "node_timeout";
}
