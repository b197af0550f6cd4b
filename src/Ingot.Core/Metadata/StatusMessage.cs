namespace Ingot.Core.Metadata;

/// <summary>
/// One cloud-init or curtin reporting event posted to <c>status/&lt;system_id&gt;</c>
/// (<c>cloudinit/reporting/events.py</c>): <c>start</c> or <c>finish</c>, with a result on finish.
/// </summary>
public sealed record StatusMessage(string EventType, string Origin, string Name, string Description, string? Result);
