using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Ingot.Web.Session;

/// <summary>The UI's session cookie: what it carries (the username) and how it is issued and removed.</summary>
public static class UiCookie
{
    public const string Scheme = "IngotUi";

    public const string Name = "ingot_session";

    /// <summary>MAAS (Django) keeps a session for two weeks.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        // The Blazor circuit (/_blazor) must see the cookie too.
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;
        options.LoginPath = WebUiPaths.Login;
        options.LogoutPath = WebUiPaths.Logout;
        options.AccessDeniedPath = WebUiPaths.Login;
        options.ReturnUrlParameter = "next";
    }

    public static Task SignInAsync(HttpContext http, string username) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
