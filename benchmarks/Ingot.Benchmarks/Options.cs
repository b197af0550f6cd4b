using System.Globalization;

namespace Ingot.Benchmarks;

/// <summary>The command line: a subcommand and <c>--name value</c> / <c>--flag</c> options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private Options(string command) => Command = command;

    public string Command { get; }

    public string? Postgres => Text("postgres") ?? (Environment.GetEnvironmentVariable("INGOT_BENCH_POSTGRES") is { Length: > 0 } s ? s : null);

    public bool Keep => Flag("keep");

    public static Options Parse(string[] args)
    {
        var options = new Options(args.Length > 0 ? args[0] : "help");
        for (int i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            string name = args[i][2..];
            string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            options._values[name] = value;
        }

        return options;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.TryGetValue(name, out string? v) ? v : null;

    public int Number(string name, int fallback) =>
        Text(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
}
