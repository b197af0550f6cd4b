namespace Ingot.Core.Scripts.Catalog;

/// <summary>MAAS's <c>SCRIPT_TYPE</c>: when a script runs.</summary>
public enum ScriptType
{
    Commissioning = 0,
    Testing = 2,
    Release = 3,
}
