using Ingot.CommandLine;

namespace Ingot.Client;

/// <summary>
/// The arguments after <c>PROFILE RESOURCE ACTION</c>: the resource's positional parameters first
/// (<c>system_id</c>…), then <c>key=value</c> pairs (repeatable: a key given twice is a list, as the
/// <c>maas</c> CLI sends it), <c>key@=FILE</c> for a file's content, and the flags <c>--json</c>,
/// <c>--wait</c>, <c>--help</c>.
/// </summary>
public sealed record ActionArguments(
    IReadOnlyList<string> Positionals,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    IReadOnlyList<KeyValuePair<string, string>> Files,
    bool Json,
    bool Wait,
    bool Help)
{
    public static ActionArguments Parse(IReadOnlyList<string> args, int positionalCount, string command)
    {
        var positionals = new List<string>();
        var values = new List<KeyValuePair<string, string>>();
        var files = new List<KeyValuePair<string, string>>();
        bool json = false, wait = false, help = false;
        foreach (string arg in args)
        {
            switch (arg)
            {
                case "--json":
                    json = true;
                    continue;
                case "--wait":
                    wait = true;
                    continue;
                case "--help" or "-h":
                    help = true;
                    continue;
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (positionals.Count < positionalCount && equals < 0)
            {
                positionals.Add(arg);
            }
            else if (equals > 1 && arg[equals - 1] == '@')
            {
                string file = arg[(equals + 1)..];
                if (!File.Exists(file))
                {
                    throw new UsageException($"{command}: {arg[..(equals - 1)]}@={file}: no such file");
                }

                files.Add(new(arg[..(equals - 1)], file));
            }
            else if (equals > 0)
            {
                values.Add(new(arg[..equals], arg[(equals + 1)..]));
            }
            else
            {
                throw new UsageException($"{command}: '{arg}' is not key=value (or key@=FILE)");
            }
        }

        if (!help && positionals.Count < positionalCount)
        {
            throw new UsageException($"{command}: missing {positionalCount - positionals.Count} positional argument(s)");
        }

        return new ActionArguments(positionals, values, files, json, wait, help);
    }
}
