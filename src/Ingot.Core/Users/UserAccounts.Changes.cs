using Ingot.Core.Forms;
using Ingot.Core.Machines;

namespace Ingot.Core.Users;

/// <summary>
/// Password changes as MAAS's UI makes them (its websocket <c>UserHandler.change_password</c>, Django's
/// <c>PasswordChangeForm</c>, and <c>admin_change_password</c>, Django's <c>AdminPasswordChangeForm</c>) and a
/// user's activation. MAAS's REST API 2.0 has none of these, so neither has Ingot's.
/// </summary>
public sealed partial class UserAccounts
{
    /// <summary>Django's <c>PasswordChangeForm</c> message for a wrong old password.</summary>
    public const string OldPasswordIncorrect = "Your old password was entered incorrectly. Please enter it again.";

    /// <summary>Django's <c>SetPasswordForm</c> / <c>AdminPasswordChangeForm</c> message for two different new passwords.</summary>
    public const string PasswordMismatch = "The two password fields didn\u2019t match.";

    /// <summary>Ingot's refusal (MAAS has no deactivation op to word it), shaped as the self-delete refusal.</summary>
    public const string SelfDeactivate = "An administrator cannot self-deactivate.";

    /// <summary>
    /// <c>change_password</c>: the logged-in <paramref name="user"/> changes their own password, giving the old one
    /// (fields <c>old_password</c>, <c>new_password1</c>, <c>new_password2</c>); every error is reported at once and
    /// nothing changes unless all pass.
    /// </summary>
    public async Task ChangePasswordAsync(User user, string oldPassword, string newPassword1, string newPassword2, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (oldPassword.Length == 0)
        {
            errors.Add("old_password", FormErrors.Required);
        }
        else if (user.PasswordHash.Length == 0 || !PasswordHasher.Verify(oldPassword, user.PasswordHash))
        {
            errors.Add("old_password", OldPasswordIncorrect);
        }

        CheckNewPasswords("new_password1", newPassword1, "new_password2", newPassword2, errors);
        errors.ThrowIfAny();
        await SaveAsync(user.Username, u => u.PasswordHash = PasswordHasher.Hash(newPassword1), ct);
    }

    /// <summary><c>admin_change_password</c>: an administrator sets another user's (or their own) password, without the old one.</summary>
    public async Task AdminChangePasswordAsync(Actor actor, string username, string password1, string password2, CancellationToken ct)
    {
        RequireAdmin(actor);
        _ = await users.FindAsync(username, ct) ?? throw NotFound.Of("User");
        var errors = new FormErrors();
        CheckNewPasswords("password1", password1, "password2", password2, errors);
        errors.ThrowIfAny();
        await SaveAsync(username, u => u.PasswordHash = PasswordHasher.Hash(password1), ct);
    }

    /// <summary>
    /// Deactivates or reactivates <paramref name="username"/> (Django's <c>is_active</c>): an inactive user cannot log in
    /// to the UI nor use an API key, and keeps their machines and keys. Administrators only, never on themselves.
    /// </summary>
    public async Task SetActiveAsync(Actor actor, string username, bool active, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (!active && actor.Username == username)
        {
            throw MachineOperationException.Validation(SelfDeactivate);
        }

        await SaveAsync(username, u => u.IsActive = active, ct);
    }

    private static void CheckNewPasswords(string field1, string password1, string field2, string password2, FormErrors errors)
    {
        if (password1.Length == 0)
        {
            errors.Add(field1, FormErrors.Required);
        }

        if (password2.Length == 0)
        {
            errors.Add(field2, FormErrors.Required);
        }
        else if (password1.Length > 0 && password1 != password2)
        {
            errors.Add(field2, PasswordMismatch);
        }
    }

    private async Task SaveAsync(string username, Action<User> change, CancellationToken ct)
    {
        User user = await users.FindAsync(username, ct) ?? throw NotFound.Of("User");
        change(user);
        if (!await users.UpdateAsync(user, ct))
        {
            throw NotFound.Of("User");
        }
    }
}
