namespace Ingot.Core.Enlistment;

/// <summary>
/// MAAS's six-character <c>system_id</c>s (<c>generate_node_system_id</c>): a random number in
/// [24^5, 24^6) written in base 24 with MAAS's "z number" alphabet, which leaves out the
/// characters that are easily confused (0, 1, 2, 5, 9, i, j, l, o, u, v, z).
/// </summary>
public sealed class SystemIdGenerator(Random random)
{
    /// <summary>The 24 digits of MAAS's <c>znums</c>, in value order.</summary>
    public const string Alphabet = "34678abcdefghkmnpqrstwxy";

    private const int Length = 6;

    public static SystemIdGenerator Shared { get; } = new(Random.Shared);

    /// <summary>A system id; the first character is never the zero digit, so it is always six long.</summary>
    public string Next()
    {
        long low = Pow(Alphabet.Length, Length - 1);
        long high = Pow(Alphabet.Length, Length);
        return FromNumber(random.NextInt64(low, high));
    }

    /// <summary>MAAS's <c>znums.from_int</c>.</summary>
    public static string FromNumber(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (number == 0)
        {
            return Alphabet[..1];
        }

        var digits = new Stack<char>();
        while (number > 0)
        {
            digits.Push(Alphabet[(int)(number % Alphabet.Length)]);
            number /= Alphabet.Length;
        }

        return new string([.. digits]);
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a generated system id.</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == Length && text[0] != Alphabet[0] && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static long Pow(int value, int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= value;
        }

        return result;
    }
}
