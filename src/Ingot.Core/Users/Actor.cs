namespace Ingot.Core.Users;

/// <summary>
/// Who is acting: a user (by username, with MAAS's superuser flag) or the system itself
/// (<see cref="System"/>: the status monitor, a booting machine's signal).
/// </summary>
public sealed record Actor(string? Username, bool IsAdmin)
{
    public static Actor System { get; } = new(null, true);

    public bool IsSystem => Username is null;

    public static Actor User(string username, bool isAdmin = false) => new(username, isAdmin);
}
