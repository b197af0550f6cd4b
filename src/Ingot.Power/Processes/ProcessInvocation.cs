namespace Ingot.Power.Processes;

/// <summary>A program and its arguments (passed as a list, never through a shell).</summary>
public sealed record ProcessInvocation(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
