using System.Runtime.CompilerServices;

namespace Ingot.Core.Tests.Storage;

/// <summary>
/// Golden documents under Storage/Golden/. With <c>INGOT_UPDATE_GOLDEN=1</c> a missing or different file is
/// rewritten in the source tree (and the test still fails, so a rewrite is always looked at).
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        string? expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected != actual && Environment.GetEnvironmentVariable("INGOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(expected is not null, $"Golden file {name} is missing; run with INGOT_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(expected, actual);
    }
}
