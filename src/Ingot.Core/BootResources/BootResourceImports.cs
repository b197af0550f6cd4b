namespace Ingot.Core.BootResources;

/// <summary>
/// Runs imports in the background, one at a time (<c>op=import</c>, <c>op=is_importing</c>,
/// <c>op=stop_import</c>). <see cref="Stop"/> and disposal cancel the run; each run is bounded by
/// <see cref="MaxDuration"/>, and the mirror bounds every connection and read.
/// </summary>
public sealed class BootResourceImports(Func<BootResourceImport> runs) : IDisposable
{
    private readonly Lock _lock = new();
    private CancellationTokenSource? _cancel;

    /// <summary>The longest an import may run before it is cancelled.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(6);

    public BootResourceImportStatus Status { get; } = new();

    /// <summary>The current (or last) run; completed when none has started.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsImporting => Status.IsImporting;

    /// <summary>Starts an import unless one is running; false when one was.</summary>
    public bool Start()
    {
        lock (_lock)
        {
            if (!Status.TryStart())
            {
                return false;
            }

            var cancel = new CancellationTokenSource(MaxDuration);
            _cancel?.Dispose();
            _cancel = cancel;
            Completion = Task.Run(() => RunAsync(cancel.Token));
            return true;
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _cancel?.Cancel();
        }
    }

    public void Dispose()
    {
        Stop();
        lock (_lock)
        {
            _cancel?.Dispose();
            _cancel = null;
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            Status.Info("Import of boot resources started.");
            await runs().RunAsync(Status, ct);
            Status.Info(Status.Errors.Count == 0 ? "Import of boot resources finished." : $"Import of boot resources finished with {Status.Errors.Count} error(s).");
        }
        catch (OperationCanceledException)
        {
            Status.Error("Import of boot resources was stopped.");
        }
        catch (Exception e)
        {
            Status.Error($"Import of boot resources failed: {e.Message}");
        }
        finally
        {
            Status.Finish();
        }
    }
}
