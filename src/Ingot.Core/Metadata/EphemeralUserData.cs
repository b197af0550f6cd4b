using System.Globalization;
using System.Text;

namespace Ingot.Core.Metadata;

/// <summary>
/// The user-data Ingot serves to an ephemeral environment that must report back, in place of MAAS's
/// generated script-runner user-data: a shell script cloud-init runs once (needs <c>curl</c>).
/// <see cref="Rescue"/> tells Ingot the rescue environment is up (<c>signal OK</c> → RESCUE_MODE);
/// <see cref="Release"/> runs the release scripts (<c>wipe-disks</c>) as maas-run-remote-scripts
/// does: <c>WORKING</c> per script, then <c>WORKING</c> with its output files and exit status, then
/// <c>OK</c> or <c>FAILED</c>.
/// </summary>
public static class EphemeralUserData
{
    /// <summary>One release script to run: its result, where <c>maas-scripts</c> puts it, its arguments.</summary>
    public sealed record ReleaseScript(string Name, long ResultId, int VersionId, string Path, IReadOnlyList<string> Arguments);

    public static string Rescue(string metadataUrl, MachineToken token) => $$"""
        #!/bin/sh
        # Ingot rescue mode: report that the rescue environment is up.
        set -u
        url='{{Quote(metadataUrl)}}2012-03-01/'
        {{ShellOAuth.Function(token)}}
        curl -fsS -H "Authorization: $(maas_auth)" -F op=signal -F status=OK "$url" >/dev/null

        """;

    public static string Release(string metadataUrl, MachineToken token, IEnumerable<ReleaseScript> scripts)
    {
        var runs = new StringBuilder();
        foreach (ReleaseScript script in scripts)
        {
            runs.Append(CultureInfo.InvariantCulture, $"run '{Quote(script.Name)}' {script.ResultId} {script.VersionId} '{Quote(script.Path)}'");
            foreach (string argument in script.Arguments)
            {
                runs.Append(CultureInfo.InvariantCulture, $" '{Quote(argument)}'");
            }

            runs.Append(" || failed=1\n");
        }

        return $$"""
            #!/bin/sh
            # Ingot release scripts: download maas-scripts, run each, report as maas-run-remote-scripts does.
            set -u
            url='{{Quote(metadataUrl)}}2012-03-01/'
            {{ShellOAuth.Function(token)}}
            signal() {
                status=$1
                shift
                curl -fsS -H "Authorization: $(maas_auth)" -F op=signal -F "status=$status" "$@" "$url" >/dev/null
            }
            dir=$(mktemp -d)
            if ! curl -fsS -H "Authorization: $(maas_auth)" -o "$dir/scripts.tar" "${url}maas-scripts" || ! tar -xf "$dir/scripts.tar" -C "$dir"; then
                signal FAILED -F 'error=Unable to download the release scripts.'
                exit 1
            fi
            run() {
                name=$1 id=$2 version=$3 path=$4
                shift 4
                signal WORKING -F "script_result_id=$id" -F "name=$name"
                start=$(date +%s)
                "$dir/$path" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
                rc=$?
                cat "$dir/$name.out" "$dir/$name.err" >"$dir/$name"
                signal WORKING -F "script_result_id=$id" -F "script_version_id=$version" -F "exit_status=$rc" \
                    -F "runtime=$(($(date +%s) - start))" -F "$name=@$dir/$name" -F "$name.out=@$dir/$name.out" -F "$name.err=@$dir/$name.err"
                return $rc
            }
            failed=0
            {{runs}}
            if [ $failed -eq 0 ]; then
                signal OK -F 'error=All scripts successfully ran'
            else
                signal FAILED -F 'error=Failed release scripts'
            fi

            """;
    }

    /// <summary>Text for inside single quotes.</summary>
    private static string Quote(string text) => text.Replace("'", "'\\''", StringComparison.Ordinal);
}
