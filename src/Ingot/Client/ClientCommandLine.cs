using Ingot.CommandLine;
using Ingot.Commands;

namespace Ingot.Client;

/// <summary>
/// The client side of <c>ingot</c>: <c>login</c>, <c>logout</c>, <c>list</c>, <c>refresh</c>,
/// <c>completion</c> and <c>PROFILE …</c>. Returns null when the arguments are not a client command, so that
/// the server commands (<c>serve</c>, <c>createadmin</c>…) take them.
/// </summary>
public static class ClientCommandLine
{
    private static readonly string[] s_commands = ["login", "logout", "list", "refresh", "completion"];

    public static async Task<int?> TryRunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ClientOptions options, CancellationToken ct)
    {
        var profiles = new ProfileStore(options.ProfilesPath);
        try
        {
            switch (args[0])
            {
                case "login":
                    return await LoginCommand.LoginAsync([.. args.Skip(1)], stdin, stdout, stderr, options, ct);
                case "logout":
                    return await LoginCommand.LogoutAsync([.. args.Skip(1)], stdout, options);
                case "list":
                    return await LoginCommand.ListAsync(stdout, options);
                case "refresh":
                    return await LoginCommand.RefreshAsync(stdout, options, ct);
                case "completion":
                    if (args is not [_, "bash"])
                    {
                        throw new UsageException("usage: ingot completion bash");
                    }

                    await stdout.WriteAsync(ShellCompletion.Bash);
                    return ClientExitCodes.Ok;
                case "__complete":
                    IEnumerable<string> commands = IngotCommands.All.Select(c => c.Name).Concat(s_commands);
                    foreach (string candidate in ShellCompletion.Candidates([.. args.Skip(1)], commands, profiles))
                    {
                        await stdout.WriteLineAsync(candidate);
                    }

                    return ClientExitCodes.Ok;
            }

            if (IngotCommands.All.Any(c => c.Name == args[0]) || profiles.Find(args[0]) is not { } profile)
            {
                return null;
            }

            return await ProfileCommand.RunAsync(profile, [.. args.Skip(1)], stdout, stderr, options, ct);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return ClientExitCodes.Usage;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"ingot: cannot reach the server: {e.Message}");
            return ClientExitCodes.Unreachable;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"ingot: the server did not answer within {ClientSession.RequestTimeout.TotalSeconds:0} s");
            return ClientExitCodes.Unreachable;
        }
        catch (System.Text.Json.JsonException e)
        {
            await stderr.WriteLineAsync($"ingot: {options.ProfilesPath} or the server's answer is not valid JSON: {e.Message}");
            return ClientExitCodes.Refused;
        }
        catch (InvalidDataException e)
        {
            await stderr.WriteLineAsync($"ingot: {e.Message}");
            return ClientExitCodes.Refused;
        }
    }
}
