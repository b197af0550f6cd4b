using Ingot.Core.Users;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// A user's activation and passwords on the users page, through Core's <see cref="UserAccounts"/>: an admin deactivates
/// a user (who can no longer log in, and whose open session is told it has ended) and activates them again, cannot deactivate
/// themself, sets another user's password (a mismatch refused with Django's text, nothing changed); a user changes
/// their own password with the old one (a wrong old password refused, nothing changed). Each result is checked in the
/// store and by logging in.
/// </summary>
[Collection(UiTests.Name)]
public sealed class UserAccountFormTests(UiHost host)
{
    private const string LoginRefused = "Please enter a correct username and password. Note that both fields may be case-sensitive.";

    private async Task<User> AddUserAsync(string username, string password)
    {
        var user = new User { Username = username, Email = $"{username}@example.com", PasswordHash = PasswordHasher.Hash(password, 1000) };
        await host.Services.GetRequiredService<IUserStore>().AddAsync(user, TestContext.Current.CancellationToken);
        return user;
    }

    private async Task<User> StoredAsync(string username) =>
        await host.Services.GetRequiredService<IUserStore>().FindAsync(username, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"no user {username}");

    private async Task ExpectLoginAsync(string username, string password, bool succeeds)
    {
        IPage page = await host.NewPageAsync(TestContext.Current.CancellationToken);
        await page.LogInAsync(username, password);
        if (succeeds)
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(LoginRefused);
        }

        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task An_admin_deactivates_and_activates_a_user_and_cannot_deactivate_themself()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string name = $"carol{MachineListTests.Unique()}";
        await AddUserAsync(name, "carol-pass-1");
        IPage carol = await host.NewPageAsync(ct);
        await carol.LogInAsync(name, "carol-pass-1");
        await Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();

        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/users", UiHost.AdminName, UiHost.AdminPassword, ct);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {name}", Exact = true }).ClickAsync();
        await Expect(page.Locator($"tr[data-name='{name}']")).ToContainTextAsync("User (inactive)");
        Assert.False((await StoredAsync(name)).IsActive);
        await ExpectLoginAsync(name, "carol-pass-1", succeeds: false);
        await carol.GotoAsync("MAAS/r/machines");
        await Expect(carol.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your session has ended. Please log in again.");
        await page.ScreenshotAsync("users-deactivated");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Activate {name}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {name}", Exact = true })).ToBeVisibleAsync();
        Assert.True((await StoredAsync(name)).IsActive);
        await ExpectLoginAsync(name, "carol-pass-1", succeeds: true);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {UiHost.AdminName}", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync(UserAccounts.SelfDeactivate);
        Assert.True((await StoredAsync(UiHost.AdminName)).IsActive);
        await page.Context.CloseAsync();
        await carol.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task An_admin_sets_another_users_password_after_a_refused_mismatch()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string name = $"dave{MachineListTests.Unique()}";
        string before = (await AddUserAsync(name, "dave-pass-1")).PasswordHash;
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/users", UiHost.AdminName, UiHost.AdminPassword, ct);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Change password of {name}" }).ClickAsync();
        await page.GetByLabel($"Set password of {name}", new() { Exact = true }).FillAsync("dave-new-2");
        await page.GetByLabel($"Confirm password of {name}", new() { Exact = true }).FillAsync("dave-new-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync($"password2: {UserAccounts.PasswordMismatch}");
        Assert.Equal(before, (await StoredAsync(name)).PasswordHash);

        await page.GetByLabel($"Set password of {name}", new() { Exact = true }).FillAsync("dave-new-2");
        await page.GetByLabel($"Confirm password of {name}", new() { Exact = true }).FillAsync("dave-new-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Password of {name} changed.");
        Assert.True(PasswordHasher.Verify("dave-new-2", (await StoredAsync(name)).PasswordHash));
        await page.Context.CloseAsync();

        await ExpectLoginAsync(name, "dave-new-2", succeeds: true);
        await ExpectLoginAsync(name, "dave-pass-1", succeeds: false);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_changes_their_own_password_with_the_old_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string name = $"erin{MachineListTests.Unique()}";
        string before = (await AddUserAsync(name, "erin-pass-1")).PasswordHash;
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/settings/users", name, "erin-pass-1", ct);
        await Expect(page.GetByTestId("users")).ToHaveCountAsync(0);

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync("wrong-pass");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("erin-new-2");
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync("erin-new-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync($"old_password: {UserAccounts.OldPasswordIncorrect}");
        Assert.Equal(before, (await StoredAsync(name)).PasswordHash);

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync("erin-pass-1");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("erin-new-2");
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync("erin-new-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password was changed.");
        Assert.True(PasswordHasher.Verify("erin-new-2", (await StoredAsync(name)).PasswordHash));
        await page.ScreenshotAsync("users-own-password");
        await page.Context.CloseAsync();

        await ExpectLoginAsync(name, "erin-new-2", succeeds: true);
        await ExpectLoginAsync(name, "erin-pass-1", succeeds: false);
    }
}
