using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ingot.Core.Hardware;

/// <summary>
/// A 48-bit MAC address, normalised to lower-case colon form (<c>52:54:00:12:34:56</c>). Accepts
/// colon, hyphen and dot (Cisco) forms, and bare hex.
/// </summary>
public readonly record struct MacAddress
{
    private readonly ulong _value;

    private MacAddress(ulong value) => _value = value;

    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress mac)
    {
        mac = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string hex = text.Trim().Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (hex.Length != 12 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value))
        {
            return false;
        }

        mac = new MacAddress(value);
        return true;
    }

    /// <summary>The MAC in the first six bytes of <paramref name="bytes"/> (at least six, network order).</summary>
    public static MacAddress FromBytes(ReadOnlySpan<byte> bytes) =>
        new(((ulong)bytes[0] << 40) | ((ulong)bytes[1] << 32) | ((ulong)bytes[2] << 24) | ((ulong)bytes[3] << 16) | ((ulong)bytes[4] << 8) | bytes[5]);

    public static MacAddress Parse(string text) =>
        TryParse(text, out var mac) ? mac : throw new FormatException($"'{text}' is not a valid MAC address.");

    public override string ToString() => string.Create(17, _value, static (span, v) =>
    {
        for (int i = 0; i < 6; i++)
        {
            byte b = (byte)(v >> (8 * (5 - i)));
            (b).TryFormat(span[(i * 3)..], out _, "x2", CultureInfo.InvariantCulture);
            if (i < 5)
            {
                span[(i * 3) + 2] = ':';
            }
        }
    });
}
