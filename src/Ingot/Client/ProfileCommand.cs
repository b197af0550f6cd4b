using System.Text;
using Ingot.Client.Waiting;
using Ingot.CommandLine;

namespace Ingot.Client;

/// <summary>
/// <c>ingot PROFILE RESOURCE ACTION [POSITIONALS] [key=value…] [--json] [--wait]</c>: the MAAS CLI's
/// shape, with resources and actions built from the server's own <c>describe/</c> so that they never lag
/// the API. Without an action it lists what there is.
/// </summary>
public static class ProfileCommand
{
    /// <summary>Actions that start something long on one machine; <c>--wait</c> follows them to the end.</summary>
    private static readonly HashSet<string> s_waitable = ["commission", "test", "deploy", "release", "abort", "rescue_mode", "exit_rescue_mode", "mark_broken"];

    public static async Task<int> RunAsync(Profile profile, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ClientOptions options, CancellationToken ct)
    {
        IReadOnlyList<DescribedResource> resources = DescribedResource.All(profile.Description, profile.ApiKey is null);
        if (args.Count == 0 || args[0] is "--help" or "-h")
        {
            await stdout.WriteAsync($"usage: ingot {profile.Name} RESOURCE ACTION [arguments]\n\nresources:\n" +
                string.Concat(resources.Select(r => $"  {r.Command,-28} {FirstLine(r.Doc)}\n")));
            return ClientExitCodes.Ok;
        }

        DescribedResource resource = resources.FirstOrDefault(r => r.Command == args[0])
            ?? throw new UsageException($"ingot {profile.Name}: no resource '{args[0]}'. Run 'ingot {profile.Name} --help' for the list.");
        if (args.Count == 1 || args[1] is "--help" or "-h")
        {
            await stdout.WriteAsync($"usage: ingot {profile.Name} {resource.Command} ACTION {string.Concat(resource.Params.Select(p => p.ToUpperInvariant() + " "))}[key=value…]\n\n" +
                $"{FirstLine(resource.Doc)}\n\nactions:\n" + string.Concat(resource.Actions.Select(a => $"  {a.Command,-28} {a.Summary}\n")));
            return ClientExitCodes.Ok;
        }

        DescribedAction action = resource.Find(args[1])
            ?? throw new UsageException($"ingot {profile.Name} {resource.Command}: no action '{args[1]}'. Run 'ingot {profile.Name} {resource.Command} --help' for the list.");
        string command = $"ingot {profile.Name} {resource.Command} {action.Command}";
        ActionArguments arguments = ActionArguments.Parse([.. args.Skip(2)], resource.Params.Count, command);
        if (arguments.Help)
        {
            await stdout.WriteAsync(ActionHelp(command, resource, action));
            return ClientExitCodes.Ok;
        }

        bool isImport = resource.Command == "boot-resources" && action.Name == "import";
        IReadOnlyList<string>? waited = WaitedMachines(resource, action, arguments);
        if (arguments.Wait && !isImport && waited is not { Count: > 0 })
        {
            throw new UsageException(waited is null
                ? $"{command}: --wait follows machine actions ({string.Join(", ", s_waitable.Order(StringComparer.Ordinal))}), machines accept and boot-resources import"
                : $"{command}: --wait needs the machines to follow (machines=SYSTEM_ID…)");
        }

        var apiUrl = new Uri(profile.Url);
        using HttpClient http = ClientSession.For(profile.ApiKey, options.Time);
        using HttpRequestMessage request = ActionRequest.Build(apiUrl, resource, action, arguments);
        using HttpResponseMessage response = await http.SendAsync(request, ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        string? contentType = response.Content.Headers.ContentType?.MediaType;
        if (!response.IsSuccessStatusCode)
        {
            await stderr.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {body.Trim()}");
            return response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? ClientExitCodes.Unreachable : ClientExitCodes.Refused;
        }

        await stdout.WriteAsync(ResponsePrinter.Render(body, contentType, arguments.Json, options.Terminal));
        if (!arguments.Wait)
        {
            return ClientExitCodes.Ok;
        }

        TextWriter progress = arguments.Json ? stderr : stdout;
        if (isImport)
        {
            return await new ImportWaiter(http, apiUrl, options, progress, stderr).WaitAsync(ct);
        }

        int worst = ClientExitCodes.Ok;
        foreach (string systemId in waited!)
        {
            worst = Math.Max(worst, await new MachineWaiter(http, apiUrl, options, progress, stderr).WaitAsync(systemId, ct));
        }

        return worst;
    }

    /// <summary>
    /// The machines <c>--wait</c> follows after this action: the one of a machine action that starts something long,
    /// or those named by <c>machines accept</c> (which starts their commissioning); null when it cannot be followed.
    /// </summary>
    private static IReadOnlyList<string>? WaitedMachines(DescribedResource resource, DescribedAction action, ActionArguments arguments) =>
        resource.Params is ["system_id"] && s_waitable.Contains(action.Name) ? [arguments.Positionals[0]]
        : resource.Command == "machines" && action.Name == "accept" ? [.. arguments.Values.Where(v => v.Key == "machines").Select(v => v.Value)]
        : null;

    private static string ActionHelp(string command, DescribedResource resource, DescribedAction action)
    {
        var text = new StringBuilder();
        text.Append($"usage: {command} {string.Concat(resource.Params.Select(p => p.ToUpperInvariant() + " "))}[key=value…] [--json] [--wait]\n\n");
        text.Append(action.Doc.Trim()).Append('\n');
        return text.ToString();
    }

    private static string FirstLine(string doc) => doc.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>The names a shell can complete after <c>ingot PROFILE</c>: resources, actions, then parameter keys.</summary>
    public static IEnumerable<string> Complete(Profile profile, IReadOnlyList<string> words)
    {
        IReadOnlyList<DescribedResource> resources = DescribedResource.All(profile.Description, profile.ApiKey is null);
        if (words.Count <= 1)
        {
            return resources.Select(r => r.Command);
        }

        DescribedResource? resource = resources.FirstOrDefault(r => r.Command == words[0]);
        if (resource is null)
        {
            return [];
        }

        if (words.Count == 2)
        {
            return resource.Actions.Select(a => a.Command);
        }

        return resource.Find(words[1]) is { } action ? action.Parameters.Select(p => p + "=").Append("--json").Append("--wait") : [];
    }
}
