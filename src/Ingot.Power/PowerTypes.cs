namespace Ingot.Power;

/// <summary>MAAS's power type names for the drivers Ingot has.</summary>
public static class PowerTypes
{
    public const string Manual = "manual";
}
