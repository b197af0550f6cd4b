using Ingot.Core.Machines;

namespace Ingot.Core.Forms;

/// <summary>Django's <c>get_object_or_404</c> refusal: 404 "No &lt;Model&gt; matches the given query.".</summary>
public static class NotFound
{
    public static MachineOperationException Of(string model) =>
        new(ErrorCategory.NotFound, "NotFound", $"No {model} matches the given query.");
}
