using Ingot.CommandLine;
using Ingot.Core.Users;
using Ingot.Hosting;

namespace Ingot.Commands;

/// <summary><c>ingot createadmin</c>: as <c>maas createadmin</c>, without prompting.</summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, CancellationToken ct)
    {
        string username = command.Required("username").Trim();
        string password = command.Required("password");
        string email = command.Required("email").Trim();
        if (username.Length == 0 || username.Length > 150 || username.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '+' or '-' or '_')))
        {
            throw new UsageException("ingot createadmin: --username must be 1-150 letters, digits and @ . + - _", command.Spec);
        }

        if (password.Length == 0)
        {
            throw new UsageException("ingot createadmin: --password must not be empty", command.Spec);
        }

        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
        {
            throw new UsageException($"ingot createadmin: --email '{email}' is not an email address", command.Spec);
        }

        var location = DataLocation.Resolve(command.Get("data-dir"), command.Get("database"));
        await using ServiceProvider services = IngotState.BuildProvider(location);
        await IngotState.MigrateAsync(services, ct);

        var users = services.GetRequiredService<IUserStore>();
        var time = services.GetRequiredService<TimeProvider>();
        if (await users.FindAsync(username, ct) is not null)
        {
            await Console.Error.WriteLineAsync($"ingot createadmin: a user named '{username}' already exists.");
            return IngotCommandLine.Failure;
        }

        await users.AddAsync(
            new User
            {
                Username = username,
                Email = email,
                IsAdmin = true,
                PasswordHash = PasswordHasher.Hash(password),
                Created = time.GetUtcNow().UtcDateTime,
            },
            ct);
        await stdout.WriteLineAsync($"Created administrator '{username}'.");
        return IngotCommandLine.Ok;
    }
}
