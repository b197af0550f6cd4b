using Ingot.Core.Changes;

namespace Ingot.Web.Admin;

/// <summary>
/// Keeps a page current: when the <see cref="InventoryChangeFeed"/> reports one of the page's kinds,
/// the page's reload runs on its renderer (the dispatch given, the component's
/// <c>InvokeAsync</c>) and the page re-renders. Notices that arrive while a reload is queued share it;
/// reloads never overlap, so the last one to finish is the last one started. A page makes its watch
/// once its first load is done: the watch reloads once at once, so a change saved between that load
/// and the subscription still shows.
/// </summary>
public sealed class InventoryWatch : IDisposable
{
    private readonly InventoryChangeFeed _feed;
    private readonly IReadOnlySet<InventoryKind> _kinds;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _reload;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _queued;
    private bool _disposed;

    public InventoryWatch(InventoryChangeFeed feed, IReadOnlySet<InventoryKind> kinds, Func<Func<Task>, Task> dispatch, Func<Task> reload)
    {
        _feed = feed;
        _kinds = kinds;
        _dispatch = dispatch;
        _reload = reload;
        _feed.Changed += OnChanged;
        _queued = 1;
        _ = RunAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        _feed.Changed -= OnChanged;
    }

    private void OnChanged(InventoryKind kind)
    {
        if (_disposed || !_kinds.Contains(kind) || Interlocked.Exchange(ref _queued, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await _dispatch(async () =>
            {
                Volatile.Write(ref _queued, 0);
                await _gate.WaitAsync();
                try
                {
                    if (!_disposed)
                    {
                        await _reload();
                    }
                }
                finally
                {
                    _gate.Release();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The page closed.
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (InvalidOperationException) when (_disposed)
        {
            // The renderer is gone.
        }
    }
}
