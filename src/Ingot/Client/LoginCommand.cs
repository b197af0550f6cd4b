using System.Net;
using System.Text.Json.Nodes;
using Ingot.CommandLine;

namespace Ingot.Client;

/// <summary>
/// <c>ingot login NAME URL [KEY|-]</c>, <c>logout NAME</c>, <c>list</c> and <c>refresh</c>: profiles as
/// <c>maas login</c> keeps them. Login checks the key with <c>users/?op=whoami</c> (signed), then fetches
/// <c>describe/</c> (unsigned), from which the profile's commands are built.
/// </summary>
public static class LoginCommand
{
    public const string Usage = "usage: ingot login NAME URL [API_KEY|-]   (- reads the key from stdin; none logs in anonymously)";

    public static async Task<int> LoginAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, ClientOptions options, CancellationToken ct)
    {
        if (args.Count is < 2 or > 3 || args[0].StartsWith('-'))
        {
            throw new UsageException(Usage);
        }

        string name = args[0];
        if (!ApiUrl.TryNormalise(args[1], out Uri url))
        {
            throw new UsageException($"ingot login: '{args[1]}' is not an http(s) URL");
        }

        string? key = args.Count == 3 ? args[2] : null;
        if (key == "-")
        {
            key = (await stdin.ReadLineAsync(ct))?.Trim();
        }

        if (key is { Length: 0 })
        {
            key = null;
        }

        if (key is not null && !OAuthPlaintext.IsApiKey(key))
        {
            throw new UsageException("ingot login: an API key has the form consumer:token:secret ('ingot apikey --username NAME' prints one)");
        }

        if (key is not null)
        {
            using HttpClient signed = ClientSession.For(key, options.Time);
            using HttpResponseMessage whoami = await signed.GetAsync(new Uri(url, "users/?op=whoami"), ct);
            if (whoami.StatusCode == HttpStatusCode.Unauthorized)
            {
                await stderr.WriteLineAsync("ingot: the server rejected your API key.");
                return ClientExitCodes.Unreachable;
            }

            if (!whoami.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"ingot: unexpected response from {url}users/?op=whoami: {(int)whoami.StatusCode}");
                return ClientExitCodes.Unreachable;
            }
        }

        JsonObject description = await DescribeAsync(url, options, ct);
        new ProfileStore(options.ProfilesPath).Save(new Profile(name, url.ToString(), key, description));
        await stdout.WriteLineAsync($"You are now logged in to the server at {url} with the profile name '{name}'.");
        await stdout.WriteLineAsync($"For help with the available commands, try: ingot {name} --help");
        return ClientExitCodes.Ok;
    }

    public static async Task<int> LogoutAsync(IReadOnlyList<string> args, TextWriter stdout, ClientOptions options)
    {
        if (args.Count != 1)
        {
            throw new UsageException("usage: ingot logout NAME");
        }

        if (!new ProfileStore(options.ProfilesPath).Remove(args[0]))
        {
            throw new UsageException($"ingot logout: no profile named '{args[0]}'");
        }

        await stdout.WriteLineAsync($"Logged out of '{args[0]}'.");
        return ClientExitCodes.Ok;
    }

    public static async Task<int> ListAsync(TextWriter stdout, ClientOptions options)
    {
        IReadOnlyList<Profile> profiles = new ProfileStore(options.ProfilesPath).List();
        await stdout.WriteAsync(profiles.Count == 0
            ? "No profiles. Log in with: ingot login NAME URL API_KEY\n"
            : TableWriter.Render(["PROFILE", "URL", "CREDENTIALS"], [.. profiles.Select(p => (IReadOnlyList<string>)[p.Name, p.Url, p.ApiKey is null ? "anonymous" : "API key"])]));
        return ClientExitCodes.Ok;
    }

    public static async Task<int> RefreshAsync(TextWriter stdout, ClientOptions options, CancellationToken ct)
    {
        var store = new ProfileStore(options.ProfilesPath);
        foreach (Profile profile in store.List())
        {
            store.Save(profile with { Description = await DescribeAsync(new Uri(profile.Url), options, ct) });
            await stdout.WriteLineAsync($"Refreshed '{profile.Name}'.");
        }

        return ClientExitCodes.Ok;
    }

    private static async Task<JsonObject> DescribeAsync(Uri url, ClientOptions options, CancellationToken ct)
    {
        using HttpClient anonymous = ClientSession.For(null, options.Time);
        using HttpResponseMessage describe = await anonymous.GetAsync(new Uri(url, "describe/"), ct);
        describe.EnsureSuccessStatusCode();
        return JsonNode.Parse(await describe.Content.ReadAsStringAsync(ct)) as JsonObject
            ?? throw new InvalidDataException($"{url}describe/ did not return a JSON object");
    }
}
