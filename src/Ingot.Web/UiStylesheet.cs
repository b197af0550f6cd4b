using System.Reflection;

namespace Ingot.Web;

/// <summary>The UI's stylesheet, embedded in the assembly (no static-asset manifest to find at run time).</summary>
internal static class UiStylesheet
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingot.Web.ingot.css")
            ?? throw new InvalidOperationException("The embedded stylesheet ingot.css is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
