namespace Ingot.CommandLine;

/// <summary>
/// Parses <c>ingot &lt;command&gt; [--option value | --option=value | --flag]…</c>. Pure: no I/O.
/// Unknown commands, unknown options, missing values, repeated options and stray arguments are
/// <see cref="UsageException"/>s that say what is wrong (a repeatable option may repeat). Required options are checked by the
/// command (so that <c>--help</c> always works).
/// </summary>
public static class CommandLineParser
{
    public static ParsedCommand Parse(IReadOnlyList<CommandSpec> commands, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("ingot: no command given (try 'ingot --help')");
        }

        CommandSpec spec = commands.FirstOrDefault(c => c.Name == args[0])
            ?? throw new UsageException($"ingot: unknown command '{args[0]}' (commands: {string.Join(", ", commands.Select(c => c.Name))})");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                values["help"] = "true";
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"ingot {spec.Name}: unexpected argument '{arg}'", spec);
            }

            string name = arg[2..];
            string? inline = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            OptionSpec option = spec.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"ingot {spec.Name}: unknown option '--{name}'", spec);
            if (values.ContainsKey(name) && !option.Repeatable)
            {
                throw new UsageException($"ingot {spec.Name}: option '--{name}' given more than once", spec);
            }

            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    throw new UsageException($"ingot {spec.Name}: option '--{name}' takes no value", spec);
                }

                values[name] = "true";
                continue;
            }

            string? value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"ingot {spec.Name}: option '--{name}' needs a value ({option.ValueName})", spec);
                }

                value = args[++i];
            }

            values[name] = value;
            if (option.Repeatable)
            {
                repeated[name] = [.. repeated.GetValueOrDefault(name) ?? [], value];
            }
        }

        return new ParsedCommand(spec, values, repeated);
    }
}
