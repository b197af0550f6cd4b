using System.Globalization;

namespace Ingot.Hosting;

/// <summary>
/// How many HTTP connections Ingot's Kestrel keeps open at once: the process's open-file limit less a reserve
/// for everything else that needs a descriptor (TFTP transfers up to their cap, SQLite connections, boot files,
/// pipes to ipmitool, and the runtime's own mappings). Past the budget Kestrel closes a new connection at once,
/// and the client tries again, instead of the process running out of descriptors: in the 10,000-machine storm
/// (limit 20,000) accepted connections reached it, SQLite could not open its file, Kestrel's accept loop stopped,
/// and the runtime aborted with "Out of memory." when it could not map code.
/// </summary>
public static class ConnectionBudget
{
    /// <summary>Descriptors kept for other things than HTTP connections (at most half the limit).</summary>
    public const int Reserve = 4096 + 1024;

    /// <summary>The connection budget for an open-file limit; null (no bound) when the limit is unknown or unlimited.</summary>
    public static long? For(long? openFileLimit) => openFileLimit is { } limit and > 0 and < long.MaxValue
        ? limit - Math.Min(limit / 2, Reserve)
        : null;

    /// <summary>The soft open-file limit from a <c>/proc/self/limits</c> text; null when it is not there or unlimited.</summary>
    public static long? SoftLimit(string limits)
    {
        foreach (string line in limits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
        }

        return null;
    }

    /// <summary>This process's budget (the runtime raised the soft limit to the hard one at start); null off Linux.</summary>
    public static long? ForThisProcess()
    {
        try
        {
            return For(SoftLimit(File.ReadAllText("/proc/self/limits")));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
