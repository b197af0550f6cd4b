namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// Counts the script runs the machine has started (commissioning, testing). MAAS makes new
    /// <c>ScriptSet</c>s each time commissioning or testing starts; Ingot keys its script sets by
    /// (machine, kind, run), so the results of an earlier run are never mixed into the current one.
    /// </summary>
    public int ScriptRun { get; private set; }

    /// <summary>A new commissioning or testing run begins: its script sets are made when first needed.</summary>
    public void BeginScriptRun() => ScriptRun++;
}
