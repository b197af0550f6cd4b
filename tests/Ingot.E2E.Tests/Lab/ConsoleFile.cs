using System.Text.RegularExpressions;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// A serial console that qemu appends to a file (the ipmi_sim BMC's <c>console.log</c>): bounded waits
/// for a line, from a mark onwards, that say what they waited for and show the console since the mark.
/// </summary>
internal sealed class ConsoleFile(string path)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(250);

    public string Path { get; } = path;

    /// <summary>Where the console ends now: later waits look only at what comes after.</summary>
    public long Mark() => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    public string Since(long mark)
    {
        if (!File.Exists(Path))
        {
            return "";
        }

        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(Math.Min(mark, file.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    /// <summary>Polls (every 250 ms, at most <paramref name="limit"/>) for <paramref name="pattern"/> after <paramref name="mark"/>.</summary>
    public async Task<Match> WaitForAsync(string pattern, long mark, TimeSpan limit, string stage)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (true)
        {
            string text = Since(mark);
            Match match = regex.Match(text);
            if (match.Success)
            {
                return match;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                string tail = text.Length > 6000 ? text[^6000..] : text;
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {stage} (/{pattern}/ on {Path}); the console since then:\n{tail}");
            }

            await Task.Delay(s_poll, TestContext.Current.CancellationToken);
        }
    }
}
