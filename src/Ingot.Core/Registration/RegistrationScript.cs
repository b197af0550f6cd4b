using System.Text;

namespace Ingot.Core.Registration;

/// <summary>
/// The script a user pipes into <c>sudo sh</c> on a running machine (<c>curl -fsSL &lt;url&gt; | sudo sh</c>).
/// It runs the deploy-info scripts (<see cref="DeployInfoScripts"/>: the same bodies commissioning runs, among them
/// <c>50-maas-01-commissioning</c>, which prints the machine-resources document with CPUs, NUMA nodes, memory,
/// disks, interfaces, PCI and USB devices from <c>/proc</c> and <c>/sys</c>) one after another, each with
/// <c>sh -c</c>, keeps its stdout, stderr and exit status in shell variables, and posts them to the same URL in
/// <see cref="LiveHostReport"/>'s format. It writes no file (no here-document, no temporary file: the report goes
/// from a pipe to curl), changes no setting and leaves nothing running. It needs <c>base64</c> and <c>curl</c>.
/// Root is not needed for these reads; the <c>sudo</c> only matches MAAS's instructions.
/// </summary>
public static class RegistrationScript
{
    public static string Render(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scripts = new StringBuilder();
        var runs = new StringBuilder();
        for (int i = 0; i < DeployInfoScripts.All.Count; i++)
        {
            scripts.Append('s').Append(i).Append('=').Append(Quote(DeployInfoScripts.All[i].Body)).Append('\n');
            runs.Append("    run ").Append(DeployInfoScripts.All[i].Name).Append(" \"$s").Append(i).Append("\"\n");
        }

        return $$"""
            #!/bin/sh
            # Ingot: report this running machine's hardware (MAAS's deploy-info scripts). Reads /proc, /sys and
            # /etc/os-release only; writes nothing on this machine. The URL below works once.
            set -u
            url={{Quote(url)}}
            for tool in base64 curl; do
                command -v "$tool" >/dev/null 2>&1 || { echo "ingot: $tool is needed to send the report" >&2; exit 1; }
            done
            enc() { v=$(printf '%s' "$1" | base64 | tr -d '\n'); printf '%s' "${v:--}"; }
            # One result line: the script's exit status, stdout and stderr (base64), kept in variables, not files.
            run() {
                res=$( { err=$( { out=$(sh -c "$2"; r=$?; echo x; exit $r); rc=$?; printf '%s %s' "$rc" "$(enc "${out%x}")" >&3; } 2>&1 ); printf ' %s' "$(enc "$err")" >&3; } 3>&1 )
                echo "result $1 $res"
            }
            {{scripts.ToString().TrimEnd('\n')}}
            report() {
                echo "{{LiveHostReport.Header}}"
            {{runs.ToString().TrimEnd('\n')}}
            }
            report | curl -fsS -H 'Content-Type: text/plain' --data-binary @- "$url"
            echo

            """;
    }

    /// <summary>A shell single-quoted word.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
