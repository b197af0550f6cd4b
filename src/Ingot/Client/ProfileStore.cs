using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Client;

/// <summary>
/// The profiles file: JSON at <c>$INGOT_CLI_CONFIG</c>, else <c>$XDG_CONFIG_HOME/ingot/profiles.json</c>,
/// else <c>~/.config/ingot/profiles.json</c>. It holds API keys, so it is written readable by its owner only.
/// </summary>
public sealed class ProfileStore(string path)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public string Path { get; } = path;

    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable("INGOT_CLI_CONFIG") is { Length: > 0 } configured)
        {
            return configured;
        }

        string config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(config, "ingot", "profiles.json");
    }

    public IReadOnlyList<Profile> List()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        JsonObject root = JsonNode.Parse(File.ReadAllText(Path)) as JsonObject
            ?? throw new InvalidDataException($"{Path} is not a profiles file");
        return [.. root.Select(p => Read(p.Key, p.Value as JsonObject ?? throw new InvalidDataException($"{Path}: profile '{p.Key}' is not an object"))).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public Profile? Find(string name) => List().FirstOrDefault(p => p.Name == name);

    public void Save(Profile profile) => Write([.. List().Where(p => p.Name != profile.Name), profile]);

    public bool Remove(string name)
    {
        IReadOnlyList<Profile> profiles = List();
        if (profiles.All(p => p.Name != name))
        {
            return false;
        }

        Write([.. profiles.Where(p => p.Name != name)]);
        return true;
    }

    private static Profile Read(string name, JsonObject json) => new(
        name,
        json["url"]?.GetValue<string>() ?? throw new InvalidDataException($"profile '{name}' has no url"),
        json["api_key"]?.GetValue<string>(),
        json["description"] as JsonObject ?? []);

    private void Write(IEnumerable<Profile> profiles)
    {
        var root = new JsonObject();
        foreach (Profile p in profiles.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            root[p.Name] = new JsonObject
            {
                ["url"] = p.Url,
                ["api_key"] = p.ApiKey,
                ["description"] = p.Description.DeepClone(),
            };
        }

        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(s_indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
