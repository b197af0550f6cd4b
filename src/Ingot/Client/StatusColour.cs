namespace Ingot.Client;

/// <summary>ANSI colours for machine statuses on a terminal: failures red, busy states yellow, ready green, deployed blue.</summary>
public static class StatusColour
{
    public static string Paint(string status)
    {
        string code = status.Trim() switch
        {
            var s when s.StartsWith("Failed", StringComparison.Ordinal) || s == "Broken" => "31",
            "Ready" => "32",
            "Deployed" or "Allocated" => "34",
            "New" or "Retired" => "0",
            _ => "33",
        };
        return code == "0" ? status : $"\u001b[{code}m{status}\u001b[0m";
    }
}
