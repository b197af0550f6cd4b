namespace Ingot.Core.Scripts;

/// <summary>
/// A <c>signal</c> from a machine, as the metadata API parsed it (MAAS's <c>VersionIndexHandler.signal</c>
/// parameters). Parsing errors are the endpoint's; the values here are well-formed.
/// </summary>
/// <param name="Status">The wire status (<c>OK</c>, <c>WORKING</c>, ...), checked by the signal table.</param>
/// <param name="Error">The optional <c>error</c> text.</param>
/// <param name="ScriptResultId">Which result the files and status refer to, if given.</param>
/// <param name="Name">The script name (with WORKING, or for files sent without an id).</param>
/// <param name="ExitStatus"><c>exit_status</c> (aliases <c>script_result</c>, <c>result</c>); 0 when absent.</param>
/// <param name="Runtime">Seconds, if given.</param>
/// <param name="ScriptVersionId">If given.</param>
/// <param name="Uploads">The uploaded files grouped by script.</param>
/// <param name="PowerType">BMC type found by the machine, if any.</param>
/// <param name="PowerParameters">Its parameters (already parsed from the JSON object).</param>
public sealed record SignalRequest(
    string? Status,
    string? Error = null,
    long? ScriptResultId = null,
    string? Name = null,
    int ExitStatus = 0,
    double? Runtime = null,
    int? ScriptVersionId = null,
    IReadOnlyList<ScriptUpload>? Uploads = null,
    string? PowerType = null,
    IReadOnlyDictionary<string, string>? PowerParameters = null);
