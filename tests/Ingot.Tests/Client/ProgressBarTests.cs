using Ingot.Client.Waiting;

namespace Ingot.Tests.Client;

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(0.0, 0, "  0%")]
    [InlineData(0.5, 12, " 50%")]
    [InlineData(1.0, 24, "100%")]
    [InlineData(7.0, 24, "100%")]
    [InlineData(double.NaN, 0, "  0%")]
    public void A_known_fraction_fills_its_share_of_the_bar(double fraction, int filled, string percent)
    {
        string bar = ProgressBar.Known(fraction);

        Assert.Equal($"[{new string('#', filled)}{new string('-', ProgressBar.Width - filled)}] {percent}", bar);
    }

    [Fact]
    public void A_sweeping_bar_moves_one_step_per_poll_and_comes_back()
    {
        string[] bars = [.. Enumerable.Range(0, 41).Select(ProgressBar.Sweeping)];

        Assert.All(bars, b => Assert.Equal(4, b.Count(c => c == '#')));
        Assert.StartsWith("[####-", bars[0], StringComparison.Ordinal);
        Assert.StartsWith("[-####-", bars[1], StringComparison.Ordinal);
        Assert.EndsWith("-####]     ", bars[20], StringComparison.Ordinal);
        Assert.Equal(bars[0], bars[40]);
    }
}
