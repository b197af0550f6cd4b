using System.Globalization;

namespace Ingot.Boot.Tftp;

/// <summary>
/// Option negotiation for a read request (RFC 2347), pure. Options the server knows and accepts are
/// acknowledged in an OACK with the value it will use; unknown or out-of-range options are left out
/// (the client then uses the RFC 1350 default):
/// <list type="bullet">
/// <item><c>blksize</c> (RFC 2348): 8–65464; a larger request is granted the server's maximum.</item>
/// <item><c>tsize</c> (RFC 2349): on a read request the client sends 0; the reply carries the file size.</item>
/// <item><c>timeout</c> (RFC 2349): 1–255 seconds, acknowledged as sent or not at all.</item>
/// <item><c>windowsize</c> (RFC 7440): 1–65535; a larger request is granted the server's maximum.</item>
/// </list>
/// </summary>
public static class TftpNegotiation
{
    /// <summary>The settings for the transfer and the acknowledged options (empty: no OACK, data at once).</summary>
    public static (TftpSettings Settings, IReadOnlyList<string> Acknowledged) Negotiate(
        TftpRequest request, long fileSize, TftpLimits limits)
    {
        TftpSettings settings = limits.Defaults;
        var acknowledged = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, string value) in request.Options)
        {
            if (!seen.Add(name) || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
            {
                continue;
            }

            switch (name)
            {
                case "blksize" when number >= TftpLimits.MinBlockSize:
                    int blockSize = (int)Math.Min(number, limits.MaxBlockSize);
                    settings = settings with { BlockSize = blockSize };
                    Add(acknowledged, name, blockSize);
                    break;
                case "tsize" when number == 0:
                    Add(acknowledged, name, fileSize);
                    break;
                case "timeout" when number is >= 1 and <= 255:
                    settings = settings with { Timeout = TimeSpan.FromSeconds(number) };
                    Add(acknowledged, name, number);
                    break;
                case "windowsize" when number is >= 1 and <= 65535:
                    int windowSize = (int)Math.Min(number, limits.MaxWindowSize);
                    settings = settings with { WindowSize = windowSize };
                    Add(acknowledged, name, windowSize);
                    break;
                default:
                    break;
            }
        }

        return (settings, acknowledged);
    }

    private static void Add(List<string> acknowledged, string name, long value)
    {
        acknowledged.Add(name);
        acknowledged.Add(value.ToString(CultureInfo.InvariantCulture));
    }
}
