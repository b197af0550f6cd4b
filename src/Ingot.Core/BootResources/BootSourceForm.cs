using Ingot.Core.Forms;

namespace Ingot.Core.BootResources;

/// <summary>
/// MAAS's <c>BootSourceForm</c>: an http(s) or file URL (a local path is taken as a file URL), and either
/// a keyring file or keyring data (base64), unless keyring verification is skipped. Null fields keep their value.
/// </summary>
public static class BootSourceForm
{
    public sealed record Fields(string? Url, string? KeyringFilename, string? KeyringData, string? Priority, bool? SkipKeyringVerification);

    public const string KeyringRequired = "One of keyring_data or keyring_filename must be specified.";

    public static void Apply(BootSource source, Fields fields, bool creating)
    {
        var errors = new FormErrors();
        if (fields.Url is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(fields.Url))
            {
                errors.Add("url", FormErrors.Required);
            }
            else if (!IsUrl(fields.Url))
            {
                errors.Add("url", "Enter a valid URL.");
            }
            else
            {
                source.Url = fields.Url;
            }
        }

        source.KeyringFilename = fields.KeyringFilename ?? source.KeyringFilename;
        if (fields.KeyringData is not null)
        {
            try
            {
                source.KeyringData = Convert.FromBase64String(fields.KeyringData);
            }
            catch (FormatException)
            {
                errors.Add("keyring_data", "The keyring data is not valid base64.");
            }
        }

        if (fields.Priority is not null)
        {
            if (int.TryParse(fields.Priority, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int priority))
            {
                source.Priority = priority;
            }
            else
            {
                errors.Add("priority", FormErrors.NotWholeNumber);
            }
        }

        source.SkipKeyringVerification = fields.SkipKeyringVerification ?? source.SkipKeyringVerification;
        if (errors.IsEmpty && !source.SkipKeyringVerification && source.KeyringFilename.Length == 0 && source.KeyringData.Length == 0)
        {
            errors.Add("__all__", KeyringRequired);
        }

        errors.ThrowIfAny();
    }

    private static bool IsUrl(string url) =>
        url.StartsWith('/') ||
        (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" or "file");
}
