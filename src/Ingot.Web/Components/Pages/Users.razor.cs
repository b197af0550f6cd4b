using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Users (admins: add, delete, deactivate/activate, set a password, with the machines each owns), the logged-in
/// user's own password (with the old one, as MAAS's UI) and API keys (generate, delete), through Core's
/// <see cref="UserAccounts"/>: its rules and refusal texts are the API's ("An administrator cannot self-delete.",
/// "User X cannot be deleted: N node(s) are still allocated.") or Django's password forms'.
/// </summary>
public sealed partial class Users : IDisposable
{
    private InventoryWatch? _watch;

    [Inject]
    private Core.Changes.InventoryChangeFeed Feed { get; set; } = default!;

    private IReadOnlyList<(User User, int Machines)>? _users;
    private IReadOnlyList<ApiToken>? _tokens;
    private bool _isAdmin;
    private string _username = "";
    private string _email = "";
    private string _password = "";
    private bool _admin;
    private string _keyName = "";
    private string? _deleting;
    private string? _passwordFor;
    private string _password1 = "";
    private string _password2 = "";
    private string _oldPassword = "";
    private string _newPassword1 = "";
    private string _newPassword2 = "";
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject]
    private UserAccounts Accounts { get; set; } = default!;

    [Inject]
    private IUserStore Store { get; set; } = default!;

    [Inject]
    private MachineListing Listing { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        Watch();
    }


    /// <summary>Live: reloads when the change feed reports Users.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<Core.Changes.InventoryKind> { Core.Changes.InventoryKind.Users }, InvokeAsync, async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => _watch?.Dispose();

    private async Task LoadAsync()
    {
        if (await Session.ActorAsync(CancellationToken.None) is not { } actor || await Store.FindAsync(actor.Username!, CancellationToken.None) is not { } me)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _isAdmin = actor.IsAdmin;
        _tokens = [.. (await Store.TokensAsync(me.Id, CancellationToken.None)).OrderBy(t => t.Created)];
        if (_isAdmin)
        {
            IReadOnlyList<MachineRow> rows = await Listing.RowsAsync(CancellationToken.None);
            _users = [.. (await Store.ListAsync(CancellationToken.None)).OrderBy(u => u.Username, StringComparer.Ordinal)
                .Select(u => (u, rows.Count(r => r.Owner == u.Username)))];
        }
    }

    private Task CreateUserAsync()
    {
        string username = _username.Trim();
        return RunAsync(
            (actor, _) => Accounts.CreateAsync(actor, username, _email.Trim(), _password, _admin, CancellationToken.None),
            $"User {username} added.",
            () =>
            {
                _username = _email = _password = "";
                _admin = false;
            });
    }

    private Task DeleteUserAsync(string username) =>
        RunAsync((actor, _) => Accounts.DeleteAsync(actor, username, CancellationToken.None), $"User {username} deleted.", () => { }, () => _deleting = null);

    private Task SetActiveAsync(string username, bool active) =>
        RunAsync((actor, _) => Accounts.SetActiveAsync(actor, username, active, CancellationToken.None), $"User {username} {(active ? "activated" : "deactivated")}.", () => { });

    private void OpenPassword(string username)
    {
        _passwordFor = username;
        _password1 = _password2 = "";
        _error = _done = null;
    }

    private Task AdminChangePasswordAsync()
    {
        string username = _passwordFor ?? "";
        return RunAsync(
            (actor, _) => Accounts.AdminChangePasswordAsync(actor, username, _password1, _password2, CancellationToken.None),
            $"Password of {username} changed.",
            () => _passwordFor = null,
            () => _password1 = _password2 = "");
    }

    private Task ChangeOwnPasswordAsync() => RunAsync(
        (_, me) => Accounts.ChangePasswordAsync(me, _oldPassword, _newPassword1, _newPassword2, CancellationToken.None),
        "Your password was changed.",
        () => { },
        () => _oldPassword = _newPassword1 = _newPassword2 = "");

    private Task CreateKeyAsync() =>
        RunAsync((_, me) => Accounts.CreateTokenAsync(me, _keyName.Trim(), CancellationToken.None), "API key generated.", () => _keyName = "");

    private Task DeleteKeyAsync(ApiToken token) =>
        RunAsync((_, me) => Accounts.DeleteTokenAsync(me, token.TokenKey, CancellationToken.None), $"API key {token.Name} deleted.", () => { });

    private async Task RunAsync(Func<Actor, User, Task> operation, string done, Action succeeded, Action? always = null)
    {
        _busy = true;
        _done = null;
        try
        {
            if (await Session.ActorAsync(CancellationToken.None) is not { } actor || await Store.FindAsync(actor.Username!, CancellationToken.None) is not { } me)
            {
                _error = "Your session has ended. Please log in again.";
                return;
            }

            _error = await UiErrors.RunAsync(() => operation(actor, me));
            if (_error is null)
            {
                _done = done;
                succeeded();
            }

            always?.Invoke();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
