using System.Globalization;
using Ingot.Api.Wire;
using Ingot.Core.Forms;

namespace Ingot.Api.Domains;

/// <summary>The <c>authoritative</c> and <c>ttl</c> fields of MAAS's <c>DomainForm</c> as sent on the wire.</summary>
internal static class DomainParameters
{
    /// <summary>The flag, or null when not sent.</summary>
    public static bool? Authoritative(ApiParameters form) =>
        form.Contains("authoritative") ? form.GetBool("authoritative", fallback: true) : null;

    /// <summary>The TTL in seconds, null when not sent; <c>Clear</c> when sent empty (back to the global default).</summary>
    public static (int? Ttl, bool Clear) Ttl(ApiParameters form)
    {
        string? text = form.Get("ttl");
        if (text is null)
        {
            return (null, false);
        }

        if (text.Trim().Length == 0)
        {
            return (null, true);
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int ttl)
            ? (ttl, false)
            : throw ApiValidationException.Field("ttl", FormErrors.NotWholeNumber);
    }
}
