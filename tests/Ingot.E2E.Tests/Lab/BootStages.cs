using System.Globalization;
using System.Text;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// When a VM boot reached each stage, in seconds after the VM started: written next to its console
/// (<c>vm-NAME-stages.txt</c>) so that boot timings can be compared between changes. Not asserted on.
/// </summary>
internal sealed class BootStages
{
    private readonly long _start = TimeProvider.System.GetTimestamp();
    private readonly StringBuilder _lines = new();

    public void Reached(string stage) =>
        _lines.Append(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetElapsedTime(_start).TotalSeconds,7:F1} s  {stage}\n");

    public override string ToString() => _lines.ToString();
}
