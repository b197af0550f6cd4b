namespace Ingot.Core.Scripts;

/// <summary>
/// One script's run on one machine (MAAS's <c>ScriptResult</c>): its status and what it uploaded
/// through <c>signal</c>. The raw files are kept as sent, so that the hardware inventory can be
/// parsed from them later.
/// </summary>
public sealed class ScriptResult
{
    public long Id { get; set; }

    public long ScriptSetId { get; set; }

    /// <summary>The script's name (MAAS's <c>script_name</c> / <c>name</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The built-in script's id, or null for a result named only by the machine.</summary>
    public int? ScriptId { get; set; }

    public int? ScriptVersionId { get; set; }

    public ScriptStatus Status { get; set; }

    /// <summary>
    /// The script's parameters with the value this run uses (MAAS's <c>ScriptResult.parameters</c>),
    /// a JSON object as <c>maas-scripts</c>' <c>index.json</c> carries it.
    /// </summary>
    public string Parameters { get; set; } = "{}";

    public int? ExitStatus { get; set; }

    /// <summary>Runtime in seconds as the machine measured it.</summary>
    public double? Runtime { get; set; }

    /// <summary>Combined output (the part named after the script).</summary>
    public byte[] Output { get; set; } = [];

    public byte[] Stdout { get; set; } = [];

    public byte[] Stderr { get; set; } = [];

    /// <summary>The result YAML (<c>&lt;name&gt;.yaml</c>).</summary>
    public byte[] Result { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public DateTime? Started { get; set; }

    public DateTime? Ended { get; set; }
}
