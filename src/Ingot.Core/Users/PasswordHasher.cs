using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingot.Core.Users;

/// <summary>
/// Password hashes in Django's format, as MAAS stores them:
/// <c>pbkdf2_sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;base64 of PBKDF2-HMAC-SHA256(password, salt)&gt;</c>,
/// with a 32-byte derived key. A hash written by MAAS verifies here and the other way round.
/// </summary>
public static class PasswordHasher
{
    public const string Algorithm = "pbkdf2_sha256";

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltLength = 22;
    private const int HashBytes = 32;
    private const string SaltAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Hash(string password) => Hash(password, DefaultIterations);

    /// <summary>Hashes with a fresh random salt and <paramref name="iterations"/> rounds.</summary>
    public static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        string salt = RandomNumberGenerator.GetString(SaltAlphabet, SaltLength);
        return Encode(password, salt, iterations);
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encoded"/>; false for anything malformed.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryDecode(encoded, out int iterations, out string salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when <paramref name="encoded"/> uses fewer than <see cref="DefaultIterations"/> rounds or another algorithm.</summary>
    public static bool NeedsRehash(string encoded) =>
        !TryDecode(encoded, out int iterations, out _, out _) || iterations < DefaultIterations;

    internal static string Encode(string password, string salt, int iterations) =>
        string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${salt}${Convert.ToBase64String(Derive(password, salt, iterations))}");

    private static byte[] Derive(string password, string salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryDecode(string? encoded, out int iterations, out string salt, out byte[] hash)
    {
        iterations = 0;
        salt = "";
        hash = [];
        string[] parts = (encoded ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm || parts[2].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        salt = parts[2];
        try
        {
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return hash.Length == HashBytes;
    }
}
