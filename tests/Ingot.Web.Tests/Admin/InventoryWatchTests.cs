using Ingot.Core.Changes;
using Ingot.Web.Admin;

namespace Ingot.Web.Tests.Admin;

/// <summary>The live pages' watch, without a browser: what it reloads, and when.</summary>
public sealed class InventoryWatchTests
{
    private static readonly HashSet<InventoryKind> s_settings = [InventoryKind.Settings];

    /// <summary>The page loaded, then a change was saved, then the watch was made: it reloads once at once.</summary>
    [Fact]
    public async Task A_change_saved_before_the_watch_was_made_still_shows()
    {
        var feed = new InventoryChangeFeed();
        string saved = "old";
        string shown = saved;
        saved = "new";
        using var watch = new InventoryWatch(feed, s_settings, work => work(), () =>
        {
            shown = saved;
            return Task.CompletedTask;
        });

        await WaitUntilAsync(() => shown == "new");
        Assert.Equal("new", shown);
    }

    /// <summary>
    /// A change arrives while a reload is reading: the next reload starts only when that one finished, so the
    /// values of the last reload to finish are the newest.
    /// </summary>
    [Fact]
    public async Task Reloads_never_overlap_and_the_last_one_reads_the_newest_value()
    {
        var feed = new InventoryChangeFeed();
        int saved = 0;
        int shown = -1;
        int running = 0;
        int overlaps = 0;
        int reloads = 0;
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new InventoryWatch(feed, s_settings, work => Task.Run(work), async () =>
        {
            if (Interlocked.Increment(ref running) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            int read = Volatile.Read(ref saved);
            if (Interlocked.Increment(ref reloads) == 1)
            {
                firstRead.SetResult();
                await release.Task;
            }

            shown = read;
            Interlocked.Decrement(ref running);
        });

        await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Volatile.Write(ref saved, 1);
        feed.Publish(InventoryKind.Settings);
        feed.Publish(InventoryKind.Tags);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        release.SetResult();

        await WaitUntilAsync(() => Volatile.Read(ref reloads) == 2 && Volatile.Read(ref running) == 0);
        Assert.Equal(0, overlaps);
        Assert.Equal(1, shown);
        Assert.Equal(2, reloads);
    }

    [Fact]
    public async Task A_disposed_watch_does_not_reload()
    {
        var feed = new InventoryChangeFeed();
        int reloads = 0;
        var watch = new InventoryWatch(feed, s_settings, work => work(), () =>
        {
            Interlocked.Increment(ref reloads);
            return Task.CompletedTask;
        });
        await WaitUntilAsync(() => Volatile.Read(ref reloads) == 1);
        watch.Dispose();

        feed.Publish(InventoryKind.Settings);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(1, reloads);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (int i = 0; i < 100 && !done(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
