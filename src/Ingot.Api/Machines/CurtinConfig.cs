using System.Text;
using Ingot.Core.Machines;

namespace Ingot.Api.Machines;

/// <summary>
/// <c>op=get_curtin_config</c>'s YAML. This is a <b>minimal</b> document: the operating system and the
/// installer's log file only. MAAS renders its whole curtin preseed here (sources, storage and network
/// layout, late commands); Ingot's comes with the deployment work.
/// </summary>
internal static class CurtinConfig
{
    public static string Render(Machine machine)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Minimal curtin configuration for ").Append(machine.Hostname).Append(" (").Append(machine.SystemId).Append(").\n");
        yaml.Append("# Ingot does not render the full MAAS curtin preseed yet.\n");
        yaml.Append("install:\n");
        yaml.Append("  log_file: /tmp/install.log\n");
        yaml.Append("  error_tarfile: /tmp/curtin-logs.tar\n");
        yaml.Append("ingot:\n");
        yaml.Append("  osystem: ").Append(Quoted(machine.Osystem)).Append('\n');
        yaml.Append("  distro_series: ").Append(Quoted(machine.DistroSeries)).Append('\n');
        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
