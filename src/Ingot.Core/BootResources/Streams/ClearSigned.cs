using System.Text;

namespace Ingot.Core.BootResources.Streams;

/// <summary>
/// The signed text of an OpenPGP clear-signed message (RFC 4880 §7), without checking the signature: what
/// a boot source with <c>skip_keyring_verification</c> reads. Dash-escaped lines are unescaped.
/// </summary>
public static class ClearSigned
{
    private const string Begin = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string Signature = "-----BEGIN PGP SIGNATURE-----";

    public static bool IsClearSigned(ReadOnlySpan<byte> data) => data.StartsWith(Encoding.ASCII.GetBytes(Begin));

    /// <summary>The signed text; data that is not clear-signed is returned as it is.</summary>
    public static byte[] Extract(byte[] data)
    {
        if (!IsClearSigned(data))
        {
            return data;
        }

        string[] lines = Encoding.UTF8.GetString(data).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int i = 1;
        while (i < lines.Length && lines[i].Length > 0)
        {
            i++; // armor headers (Hash: …) up to the blank line
        }

        var text = new List<string>();
        for (i++; i < lines.Length && lines[i] != Signature; i++)
        {
            text.Add(lines[i].StartsWith("- ", StringComparison.Ordinal) ? lines[i][2..] : lines[i]);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', text));
    }
}
