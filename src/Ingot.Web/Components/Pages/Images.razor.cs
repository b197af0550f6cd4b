using System.Globalization;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Boot images and their import: the list of <see cref="BootResourceOperations.ListAsync"/>, the import's
/// status (<see cref="BootResourceImportStatus"/>: bytes, messages, errors) refreshed each second while it
/// runs, and for admins start and stop (as <c>op=import</c> and <c>op=stop_import</c>: admin only).
/// </summary>
public sealed partial class Images : IDisposable
{
    private InventoryWatch? _watch;

    [Inject]
    private Core.Changes.InventoryChangeFeed Feed { get; set; } = default!;

    private static readonly TimeSpan s_refresh = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<BootResource>? _resources;
    private BootResourceImportStatus? _status;
    private bool _isAdmin;
    private bool _polling;
    private string? _error;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    private BootResourceImports? Imports => Services.GetService<BootResourceImports>();

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(_disposed.Token))?.IsAdmin == true;
        _status = Imports?.Status;
        await LoadAsync();
        Watch();
    }

    /// <summary>Live: boot resources written by an import or through the API show without reload.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<Core.Changes.InventoryKind> { Core.Changes.InventoryKind.BootResources }, InvokeAsync, async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (RendererInfo.IsInteractive && _status is { IsImporting: true } && !_polling)
        {
            _ = PollAsync();
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task LoadAsync() =>
        _resources = [.. (await Services.GetRequiredService<BootResourceOperations>().ListAsync(null, _disposed.Token))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Architecture, StringComparer.Ordinal)];

    /// <summary>
    /// Refreshes each second while the import runs, and once more after it was seen finished: a run that ends
    /// between a render and the check after it must still show its outcome.
    /// </summary>
    private async Task PollAsync()
    {
        _polling = true;
        try
        {
            TimeProvider time = Services.GetRequiredService<TimeProvider>();
            bool importing;
            do
            {
                await Task.Delay(s_refresh, time, _disposed.Token);
                importing = _status is { IsImporting: true };
                await InvokeAsync(async () =>
                {
                    if (!importing)
                    {
                        await LoadAsync();
                    }

                    StateHasChanged();
                });
            }
            while (importing);
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (ObjectDisposedException)
        {
            // The page closed.
        }
        finally
        {
            _polling = false;
        }
    }

    private async Task StartAsync()
    {
        _error = await UiErrors.RunAsync(async () =>
        {
            AdminOnly.Demand(await Session.ActorAsync(_disposed.Token) ?? Core.Users.Actor.User("", isAdmin: false));
            Imports?.Start();
        });
        if (_status is not null && !_polling)
        {
            _ = PollAsync();
        }
    }

    private async Task StopAsync()
    {
        _error = await UiErrors.RunAsync(async () =>
        {
            AdminOnly.Demand(await Session.ActorAsync(_disposed.Token) ?? Core.Users.Actor.User("", isAdmin: false));
            Imports?.Stop();
        });
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
