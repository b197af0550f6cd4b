using Ingot.CommandLine;
using Ingot.Core.Users;
using Ingot.Hosting;

namespace Ingot.Commands;

/// <summary>
/// <c>ingot apikey</c>: prints the user's API keys (one per line) as
/// <c>consumer_key:token_key:token_secret</c>, creating one when the user has none, as
/// <c>maas apikey</c> does; <c>--generate</c> creates a new one and prints only it.
/// </summary>
public static class ApiKeyCommand
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, CancellationToken ct)
    {
        string username = command.Required("username");
        var location = DataLocation.Resolve(command.Get("data-dir"), command.Get("database"));
        await using ServiceProvider services = IngotState.BuildProvider(location);
        await IngotState.MigrateAsync(services, ct);

        var users = services.GetRequiredService<IUserStore>();
        var time = services.GetRequiredService<TimeProvider>();
        if (await users.FindAsync(username, ct) is not { } user)
        {
            await Console.Error.WriteLineAsync($"ingot apikey: no user named '{username}'.");
            return IngotCommandLine.Failure;
        }

        IReadOnlyList<ApiToken> tokens = command.Has("generate") ? [] : await users.TokensAsync(user.Id, ct);
        if (tokens.Count == 0)
        {
            ApiToken token = ApiTokenGenerator.Create(user.Id, "", time.GetUtcNow().UtcDateTime);
            await users.AddTokenAsync(token, ct);
            tokens = [token];
        }

        foreach (ApiToken token in tokens)
        {
            await stdout.WriteLineAsync(token.ApiKey);
        }

        return IngotCommandLine.Ok;
    }
}
