using System.Globalization;

namespace Ingot.Client.Waiting;

/// <summary>
/// A text progress bar: <c>[######------]  50%</c> for a known fraction, or a block sweeping across
/// the bar (one step per poll) when the end cannot be known, as for a deployment.
/// </summary>
public static class ProgressBar
{
    public const int Width = 24;

    public static string Known(double fraction)
    {
        double clamped = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        int filled = (int)Math.Round(clamped * Width, MidpointRounding.ToZero);
        string percent = (clamped * 100).ToString("0", CultureInfo.InvariantCulture);
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%";
    }

    public static string Sweeping(int step)
    {
        const int block = 4;
        int span = Width - block;
        int position = span == 0 ? 0 : Math.Abs(step % (2 * span) - span);
        position = span - position;
        return $"[{new string('-', position)}{new string('#', block)}{new string('-', span - position)}]     ";
    }
}
