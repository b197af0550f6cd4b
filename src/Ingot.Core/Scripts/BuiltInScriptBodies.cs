namespace Ingot.Core.Scripts;

/// <summary>
/// The bodies of the built-in scripts that are longer than a line or two: shell scripts kept as files
/// under <c>Scripts/BuiltIn/</c> (embedded in this assembly), written for POSIX sh and busybox so that
/// they run in Ingot's ephemeral image as well as in a full distribution.
/// </summary>
public static class BuiltInScriptBodies
{
    /// <summary>The body of <c>Scripts/BuiltIn/&lt;name&gt;.sh</c>.</summary>
    public static string Read(string name)
    {
        string resource = $"Ingot.Core.Scripts.BuiltIn.{name}.sh";
        using Stream stream = typeof(BuiltInScriptBodies).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in script body {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

}
