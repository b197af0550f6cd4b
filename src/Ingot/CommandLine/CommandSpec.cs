using System.Text;

namespace Ingot.CommandLine;

/// <summary>A command: its name, a one-line summary and its options; renders its own help.</summary>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<OptionSpec> Options)
{
    public string Help()
    {
        var text = new StringBuilder();
        text.AppendLine($"usage: ingot {Name} {string.Join(' ', Options.Select(Usage))}".TrimEnd());
        text.AppendLine();
        text.AppendLine(Summary);
        text.AppendLine();
        text.AppendLine("options:");
        foreach (OptionSpec o in Options.Append(new OptionSpec("help", null, "Show this help and exit.")))
        {
            string left = o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.ValueName}";
            text.AppendLine($"  {left,-28} {o.Help}{(o.Required ? " (required)" : "")}");
        }

        return text.ToString();
    }

    private static string Usage(OptionSpec o)
    {
        string part = o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.ValueName}";
        return o.Required ? part : $"[{part}]";
    }
}
