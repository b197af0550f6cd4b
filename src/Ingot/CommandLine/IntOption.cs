using System.Globalization;

namespace Ingot.CommandLine;

/// <summary>Whole-number options: the value, the default when absent, a usage error outside the range.</summary>
public static class IntOption
{
    public static int GetInt(this ParsedCommand command, string name, int fallback, int min, int max)
    {
        if (command.Get(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new UsageException($"ingot {command.Spec.Name}: --{name} '{text}' is not a whole number from {min} to {max}", command.Spec);
    }
}
