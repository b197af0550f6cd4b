using Ingot.Core.Forms;

namespace Ingot.Core.BootResources;

/// <summary>
/// MAAS's <c>BootSourceSelectionForm</c>: the os (default <c>ubuntu</c>) and release are required; arches,
/// subarches and labels are lists (default <c>*</c>). Null fields keep their value.
/// </summary>
public static class BootSourceSelectionForm
{
    public sealed record Fields(string? Os, string? Release, IReadOnlyList<string> Arches, IReadOnlyList<string> Subarches, IReadOnlyList<string> Labels);

    public static void Apply(BootSourceSelection selection, Fields fields, bool creating)
    {
        var errors = new FormErrors();
        if (fields.Os is not null)
        {
            if (fields.Os.Length == 0)
            {
                errors.Add("os", FormErrors.Required);
            }

            selection.Os = fields.Os;
        }

        if (fields.Release is not null || creating)
        {
            if (string.IsNullOrEmpty(fields.Release))
            {
                errors.Add("release", FormErrors.Required);
            }
            else
            {
                selection.Release = fields.Release;
            }
        }

        if (fields.Arches.Count > 0)
        {
            selection.Arches = [.. fields.Arches];
        }

        if (fields.Subarches.Count > 0)
        {
            selection.Subarches = [.. fields.Subarches];
        }

        if (fields.Labels.Count > 0)
        {
            selection.Labels = [.. fields.Labels];
        }

        errors.ThrowIfAny();
    }
}
