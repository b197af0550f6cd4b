using System.Globalization;
using System.Text.RegularExpressions;
using Ingot.Core.Forms;

namespace Ingot.Core.BootResources;

/// <summary>
/// MAAS's <c>BootResourceForm</c> for an upload: name and architecture are required, the file type is one
/// of the upload types (default <c>tgz</c>), and without content the SHA-256 and size of the content to come.
/// A name without an os is a custom image (<c>custom/NAME</c>); a bare architecture means its <c>generic</c> subarchitecture.
/// </summary>
public static partial class BootResourceForm
{
    public sealed record Upload(string Name, string Architecture, string FileType, string Filename, string Title, string BaseImage, StoredContent? Expected);

    public static Upload Check(string? name, string? architecture, string? filetype, string? title, string? baseImage, string? sha256, string? size, bool hasContent)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", FormErrors.Required);
        }
        else if (!NamePattern().IsMatch(name))
        {
            errors.Add("name", FormErrors.InvalidValue);
        }

        string? arch = NormaliseArchitecture(architecture);
        if (string.IsNullOrEmpty(architecture))
        {
            errors.Add("architecture", FormErrors.Required);
        }
        else if (arch is null)
        {
            errors.Add("architecture", $"Select a valid choice. {architecture} is not one of the available choices.");
        }

        string type = string.IsNullOrEmpty(filetype) ? "tgz" : filetype;
        if (!BootResourceFileTypes.Uploads.TryGetValue(type, out (string FileType, string Filename) stored))
        {
            errors.Add("filetype", $"Select a valid choice. {type} is not one of the available choices.");
        }

        StoredContent? expected = null;
        if (!hasContent || !string.IsNullOrEmpty(sha256) || !string.IsNullOrEmpty(size))
        {
            expected = CheckExpected(errors, sha256, size, required: !hasContent);
        }

        errors.ThrowIfAny();
        string fullName = name!.Contains('/', StringComparison.Ordinal) ? name : $"custom/{name}";
        return new Upload(fullName, arch!, stored.FileType, stored.Filename, title ?? "", baseImage ?? "", expected);
    }

    /// <summary><c>amd64/generic</c> as is; <c>amd64</c> → <c>amd64/generic</c>; anything else null.</summary>
    public static string? NormaliseArchitecture(string? architecture)
    {
        if (string.IsNullOrEmpty(architecture) || !ArchitecturePattern().IsMatch(architecture))
        {
            return null;
        }

        return architecture.Contains('/', StringComparison.Ordinal) ? architecture : $"{architecture}/generic";
    }

    private static StoredContent? CheckExpected(FormErrors errors, string? sha256, string? size, bool required)
    {
        bool ok = true;
        if (string.IsNullOrEmpty(sha256))
        {
            ok = false;
            if (required)
            {
                errors.Add("sha256", FormErrors.Required);
            }
        }
        else if (!Sha256Pattern().IsMatch(sha256))
        {
            ok = false;
            errors.Add("sha256", FormErrors.InvalidValue);
        }

        long bytes = 0;
        if (string.IsNullOrEmpty(size))
        {
            ok = false;
            if (required)
            {
                errors.Add("size", FormErrors.Required);
            }
        }
        else if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out bytes))
        {
            ok = false;
            errors.Add("size", FormErrors.NotWholeNumber);
        }

        return ok ? new StoredContent(sha256!.ToLowerInvariant(), bytes) : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]*(/[A-Za-z0-9][A-Za-z0-9_.:-]*)?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9_]+(/[a-z0-9_.*-]+)?$")]
    private static partial Regex ArchitecturePattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
