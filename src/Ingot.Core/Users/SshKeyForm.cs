using Ingot.Core.Forms;

namespace Ingot.Core.Users;

/// <summary>
/// MAAS's <c>SSHKeyForm</c> and <c>normalize_openssh_public_key</c>: a key is a key type, a
/// base64 body and optional comments, separated by whitespace. MAAS has <c>ssh-keygen</c> convert
/// the key; Ingot checks the same structure itself: the type is one MAAS accepts, the body is
/// base64, and the body's first field names the same type (as every OpenSSH public key blob does).
/// </summary>
public static class SshKeyForm
{
    /// <summary>MAAS's <c>OPENSSH_PROTOCOL2_KEY_TYPES</c>, sorted as its message lists them.</summary>
    public static IReadOnlyList<string> KeyTypes { get; } =
    [
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "sk-ecdsa-sha2-nistp256@openssh.com",
        "sk-ssh-ed25519@openssh.com",
        "ssh-ed25519",
        "ssh-rsa",
    ];

    /// <summary>MAAS's duplicate refusal (<c>SSHKey.clean</c>).</summary>
    public const string Duplicate = "This key has already been added for this user.";

    /// <summary>The longest key text accepted (an RSA 16384-bit key is about 2,800 characters).</summary>
    public const int MaxLength = 16_384;

    private const string Prefix = "Invalid SSH public key: ";

    /// <summary>
    /// The key as MAAS stores it: type, body and comments joined by single spaces. Throws MAAS's
    /// field error on <c>key</c> (400) when the text is not a public key.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw FormErrors.OnField("key", FormErrors.Required);
        }

        if (text.Length > MaxLength)
        {
            throw FormErrors.OnField("key", FormErrors.TooLong(MaxLength, text.Length));
        }

        string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw Invalid(
                $"Key should contain 2 or more space separated parts (key type, base64-encoded key, optional comments), not {parts.Length})");
        }

        string type = parts[0];
        if (!KeyTypes.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid($"Key type {type} not recognised; it should be one of: {string.Join(' ', KeyTypes)}");
        }

        if (!BodyNames(parts[1], type))
        {
            throw Invalid("Key could not be converted to RFC4716 form.");
        }

        return string.Join(' ', parts);
    }

    /// <summary>The base64 body decodes and starts with the length-prefixed key type (RFC 4253 §6.6).</summary>
    private static bool BodyNames(string body, string type)
    {
        byte[] blob = new byte[(body.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(body, blob, out int length) || length < 4)
        {
            return false;
        }

        int nameLength = (blob[0] << 24) | (blob[1] << 16) | (blob[2] << 8) | blob[3];
        return nameLength == type.Length
            && length >= 4 + nameLength
            && System.Text.Encoding.ASCII.GetString(blob, 4, nameLength) == type;
    }

    private static Enlistment.MachineFormException Invalid(string reason) => FormErrors.OnField("key", Prefix + reason);
}
