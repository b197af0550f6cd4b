namespace Ingot.Core.Users;

/// <summary>A MAAS user: username, email, the superuser (admin) flag and a password hash.</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string Username { get; set; }

    public string Email { get; set; } = "";

    public bool IsAdmin { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Django-format PBKDF2 hash (<c>pbkdf2_sha256$iterations$salt$hash</c>); empty = no password.</summary>
    public string PasswordHash { get; set; } = "";

    public DateTime Created { get; set; }

    public Actor ToActor() => Actor.User(Username, IsAdmin);
}
