using Ingot.Core.Enlistment.Chassis;

namespace Ingot.Web.Machines;

/// <summary>
/// One "Add chassis" run in the background: its chassis, who started it, the progress Core reports, and in the end the
/// machines added or the refusal (the API's text). <see cref="Changed"/> fires on every change, from the run's thread.
/// </summary>
public sealed class ChassisJob : IProgress<ChassisProgress>
{
    public required string Hostname { get; init; }

    public required string StartedBy { get; init; }

    public ChassisProgress Progress { get; private set; } = new(null, 0, 0, []);

    /// <summary>The machines added (system_id, hostname); null until the run has finished well.</summary>
    public IReadOnlyList<(string SystemId, string Hostname)>? Added { get; private set; }

    /// <summary>Why the run failed; null unless it did.</summary>
    public string? Error { get; private set; }

    public bool Finished => Added is not null || Error is not null;

    public event Action? Changed;

    public void Report(ChassisProgress value)
    {
        Progress = value;
        Changed?.Invoke();
    }

    public void Complete(IReadOnlyList<(string SystemId, string Hostname)> added)
    {
        Added = added;
        Changed?.Invoke();
    }

    public void Fail(string error)
    {
        Error = error;
        Changed?.Invoke();
    }
}
