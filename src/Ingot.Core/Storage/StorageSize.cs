using System.Globalization;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's size fields: bytes as a number, with an optional decimal suffix (<c>K</c>, <c>M</c>, <c>G</c>,
/// <c>T</c>, <c>P</c>: powers of 1000, as MAAS's <c>machine_readable_bytes</c>), or a percentage (<c>50%</c>)
/// where the field allows one.
/// </summary>
public static class StorageSize
{
    /// <summary>The size in bytes, a percentage (0–100) as <paramref name="percent"/>, or false when malformed.</summary>
    public static bool TryParse(string text, out long bytes, out double? percent)
    {
        bytes = 0;
        percent = null;
        string value = text.Trim();
        if (value.EndsWith('%'))
        {
            if (double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p is > 0 and <= 100)
            {
                percent = p;
                return true;
            }

            return false;
        }

        long multiplier = 1;
        if (value.Length > 0 && char.ToUpperInvariant(value[^1]) is 'K' or 'M' or 'G' or 'T' or 'P' && value.Length > 1)
        {
            multiplier = char.ToUpperInvariant(value[^1]) switch
            {
                'K' => 1000L,
                'M' => 1000L * 1000,
                'G' => 1000L * 1000 * 1000,
                'T' => 1000L * 1000 * 1000 * 1000,
                _ => 1000L * 1000 * 1000 * 1000 * 1000,
            };
            value = value[..^1];
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number) || number <= 0)
        {
            return false;
        }

        decimal total = number * multiplier;
        if (total > long.MaxValue)
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }
}
