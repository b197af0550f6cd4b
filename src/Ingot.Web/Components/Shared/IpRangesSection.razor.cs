using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// IP ranges as <c>ipranges/</c> (create: <c>type</c>, <c>start_ip</c>, <c>end_ip</c>, <c>comment</c>; the subnet is the
/// one holding the start address) and <c>ipranges/{id}/</c> delete, through Core's <see cref="NetworkOperations"/>:
/// overlaps, addresses outside a subnet, a dynamic range from a non-admin are refused with the API's texts.
/// </summary>
public sealed partial class IpRangesSection
{
    private string _type = "reserved";
    private string _start = "";
    private string _end = "";
    private string _comment = "";
    private long? _deleting;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public NetworkModel Model { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>Called after a range was added or deleted, so the page reloads the model.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private NetworkOperations Operations { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    /// <summary>What <see cref="NetworkOperations.DeleteRangeAsync"/> allows: an admin any range, a user their own reserved ones.</summary>
    private bool MayDelete(IpRange range) => Actor.IsAdmin || (range.User == Actor.Username && range.Type == IpRangeType.Reserved);

    private Task CreateAsync() => RunAsync(
        actor => Operations.CreateRangeAsync(
            actor, UiNetworkForm.Of(("type", _type), ("start_ip", _start.Trim()), ("end_ip", _end.Trim()), ("comment", _comment.Trim())), CancellationToken.None),
        () =>
        {
            _done = $"Range {_start.Trim()}–{_end.Trim()} added.";
            _start = _end = _comment = "";
        });

    private Task DeleteAsync(IpRange range) => RunAsync(
        actor => Operations.DeleteRangeAsync(actor, range.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None),
        () => _done = $"Range {range.StartIp}–{range.EndIp} deleted.");

    private async Task RunAsync(Func<Actor, Task> operation, Action succeeded)
    {
        if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _busy = true;
        _done = null;
        try
        {
            _error = await UiErrors.RunAsync(() => operation(actor));
            _deleting = null;
            if (_error is null)
            {
                succeeded();
                await Changed.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
