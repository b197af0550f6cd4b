using System.Text;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Ingot.Core.Rendering;

namespace Ingot.Core.HardwareSync;

/// <summary>
/// The periodic job a deployment with hardware sync installs in the deployed OS through its vendor data, as MAAS's
/// <c>generate_hardware_sync_systemd_configuration</c> does: a systemd timer <c>maas_hardware_sync.timer</c> on the
/// calendar of <c>hardware_sync_interval</c> (<see cref="SyncInterval.Calendar"/>), the oneshot service
/// <c>maas_hardware_sync.service</c> it starts, and <c>runcmd</c> <c>systemctl daemon-reload</c>, <c>start</c> and
/// <c>enable</c> of the timer. MAAS's service downloads its <c>maas-run-scripts</c> binary and runs
/// <c>report-results</c>; Ingot's runs a shell script written alongside (<see cref="ScriptPath"/>, mode 0700: it
/// carries the machine's token, as MAAS's token file does) that runs the deploy-info scripts
/// (<see cref="DeployInfoScripts"/>, the bodies commissioning runs) and posts each result to the metadata API's
/// <c>signal</c> (status WORKING, the script's name and exit status, its combined output, stdout and stderr as files)
/// with the machine's OAuth PLAINTEXT header. Each signal stores the result in the machine's commissioning set, runs
/// the commissioning hooks (the hardware is refreshed) and sets <c>last_sync</c>. Needs <c>curl</c> and
/// <c>mktemp</c> in the deployed OS.
/// </summary>
public static class HardwareSyncJob
{
    public const string TimerPath = "/lib/systemd/system/maas_hardware_sync.timer";
    public const string ServicePath = "/lib/systemd/system/maas_hardware_sync.service";
    public const string ScriptPath = "/usr/local/sbin/ingot-hardware-sync";

    /// <summary>MAAS's runcmd, word for word.</summary>
    public static IReadOnlyList<string> RunCommands { get; } =
    [
        "systemctl daemon-reload",
        "systemctl start maas_hardware_sync.timer",
        "systemctl enable maas_hardware_sync.timer",
    ];

    /// <summary>
    /// The vendor cloud-config for <paramref name="machine"/>: the job when hardware sync is on, else an empty
    /// cloud-config. <paramref name="metadataUrl"/> is the metadata API's root (<c>…/MAAS/metadata/</c>);
    /// <paramref name="interval"/> the <c>hardware_sync_interval</c> setting (MAAS reads the setting here, not the
    /// machine's <c>sync_interval</c>; an interval MAAS refuses falls back to the default).
    /// </summary>
    public static string CloudConfig(Machine machine, MachineToken token, string metadataUrl, string interval)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(token);
        if (!machine.EnableHwSync)
        {
            return "#cloud-config\n{}\n";
        }

        var document = new JsonObject
        {
            ["write_files"] = new JsonArray(
                WriteFile(TimerPath, Timer(SyncInterval.Calendar(interval) ?? SyncInterval.Calendar(SyncInterval.Default)!), "0644"),
                WriteFile(ServicePath, Service, "0644"),
                WriteFile(ScriptPath, Script(token, metadataUrl), "0700")),
            ["runcmd"] = new JsonArray([.. RunCommands.Select(c => (JsonNode)c)]),
        };
        return YamlText.Write(document, "#cloud-config\n", YamlStyle.CloudConfig);
    }

    /// <summary>The timer unit.</summary>
    public static string Timer(string calendar) => $"""
        [Unit]
        Description=Periodic MAAS hardware sync

        [Timer]
        OnCalendar={calendar}
        Persistent=true

        [Install]
        WantedBy=timers.target

        """;

    /// <summary>The service unit the timer starts.</summary>
    public const string Service = $"""
        [Unit]
        Description=MAAS hardware sync: report this machine's hardware
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        ExecStart={ScriptPath}

        """;

    /// <summary>The script the service runs; its exit status is 1 when a report could not be sent.</summary>
    public static string Script(MachineToken token, string metadataUrl)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        var scripts = new StringBuilder();
        var runs = new StringBuilder();
        for (int i = 0; i < DeployInfoScripts.All.Count; i++)
        {
            scripts.Append('s').Append(i).Append('=').Append(Quote(DeployInfoScripts.All[i].Body)).Append('\n');
            runs.Append("report ").Append(DeployInfoScripts.All[i].Name).Append(" \"$s").Append(i).Append("\"\n");
        }

        string signalUrl = metadataUrl.TrimEnd('/') + "/2012-03-01/";
        return $$"""
            #!/bin/sh
            # Ingot hardware sync: runs the deploy-info scripts and sends each result to the metadata API.
            set -u
            url={{Quote(signalUrl)}}
            {{ShellOAuth.Function(token).TrimEnd('\n')}}
            for tool in curl mktemp; do
                command -v "$tool" >/dev/null 2>&1 || { echo "ingot-hardware-sync: $tool is needed" >&2; exit 1; }
            done
            dir=$(mktemp -d) || exit 1
            trap 'rm -rf "$dir"' EXIT
            failed=0
            report() {
                sh -c "$2" >"$dir/$1.out" 2>"$dir/$1.err"
                rc=$?
                cat "$dir/$1.out" "$dir/$1.err" >"$dir/$1"
                curl -fsS -o /dev/null -H "Authorization: $(maas_auth)" \
                    -F op=signal -F status=WORKING -F "name=$1" -F "exit_status=$rc" \
                    -F "$1=@$dir/$1" -F "$1.out=@$dir/$1.out" -F "$1.err=@$dir/$1.err" "$url" || failed=1
            }
            {{scripts.ToString().TrimEnd('\n')}}
            {{runs.ToString().TrimEnd('\n')}}
            exit $failed

            """;
    }

    private static JsonObject WriteFile(string path, string content, string permissions) => new()
    {
        ["path"] = path,
        ["content"] = content,
        ["permissions"] = permissions,
    };

    /// <summary>A shell single-quoted word.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
