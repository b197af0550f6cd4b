namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// The user's image of the deploy-to-memory step (<c>RescueModeTests</c>): a root tarball (<c>root-tgz</c>) small enough for
/// the walk's 512 MiB VM — the Debian tarball of the disk walks unpacks to 577 MiB and boots systemd, so it is not used.
/// It holds the host's static busybox, an <c>/etc/os-release</c> whose <c>PRETTY_NAME</c> carries the test's marker,
/// <c>/sbin/init</c> (says on the console what it runs on, runs cloud-init, stays up) and a stand-in for cloud-init's MAAS
/// datasource at <c>/usr/bin/cloud-init</c>: as cloud-init does it reads <c>cloud-config-url=</c> from the kernel command
/// line, takes the datasource and webhook credentials from it, reports modules-final to the webhook (its description names
/// the image: the only way the marker can reach Ingot is from this image running), reads its user-data with the machine's
/// token (which ends the deployment) and runs it as a script. Its HTTP is the agent's own <c>maas-api.sh</c> (OAuth
/// PLAINTEXT, busybox wget) copied in.
/// </summary>
internal static class MemoryImage
{
    /// <summary>The console prefix of the image's own lines.</summary>
    public const string ConsolePrefix = "INGOT-MEMORY-IMAGE:";

    private const string Init = """
        #!/bin/busybox sh
        # The memory test image's init (PID 1 after Ingot's ephemeral /init switched root into this tarball).
        /bin/busybox --install -s /bin
        export PATH=/bin
        . /etc/os-release
        mkdir -p /run /tmp
        echo "INGOT-MEMORY-IMAGE: $PRETTY_NAME: init pid $$, root $(awk '$2 == "/" { t = $3 } END { print t }' /proc/mounts), $(grep -c '^/dev/vd' /proc/mounts) disk mounts, mac $(cat /sys/class/net/eth0/address)"
        /usr/bin/cloud-init
        echo "INGOT-MEMORY-IMAGE: cloud-init exited $?"
        while :; do sleep 3600; done
        """;

    private const string CloudInit = """
        #!/bin/sh
        # Stand-in for cloud-init's MAAS datasource in the memory test image (see MemoryImage.cs).
        say() { echo "INGOT-MEMORY-IMAGE: $*"; }
        RUN=/run
        . /ingot/maas-api.sh
        . /etc/os-release
        yaml_value() {
            sed -n "s/^[[:space:]]*$1:[[:space:]]*//p" "$2" | head -n 1 | sed 's/[[:space:]]*$//; s/^"\(.*\)"$/\1/'
        }
        url=$(sed -n 's/.*cloud-config-url=\([^ ]*\).*/\1/p' /proc/cmdline)
        if ! timeout 60 wget -q -O /run/cloud-config "$url"; then
            say "cloud-init: cloud-config-url $url could not be read"
            exit 1
        fi
        METADATA_URL=$(yaml_value metadata_url /run/cloud-config)
        CONSUMER_KEY=$(yaml_value consumer_key /run/cloud-config)
        TOKEN_KEY=$(yaml_value token_key /run/cloud-config)
        TOKEN_SECRET=$(yaml_value token_secret /run/cloud-config)
        REPORT_URL=$(yaml_value endpoint /run/cloud-config)
        say "cloud-init: datasource MAAS $METADATA_URL"
        report_event start cloudinit modules-final "running modules for final on $PRETTY_NAME" || say "cloud-init: start report failed"
        if ! http_get "${METADATA_URL%/}/2012-03-01/user-data" /run/user-data; then
            say "cloud-init: user-data could not be fetched"
            exit 1
        fi
        say "cloud-init: user-data said: $(sh /run/user-data 2>&1 | head -c 200)"
        report_event finish cloudinit modules-final "running modules for final" SUCCESS || say "cloud-init: finish report failed"
        """;

    /// <summary>Builds the tarball under <paramref name="directory"/>; <paramref name="marker"/> goes into its PRETTY_NAME.</summary>
    public static async Task<string> WriteAsync(string directory, string marker, CancellationToken ct)
    {
        string root = Path.Combine(directory, "memory-root");
        foreach (string dir in (string[])["bin", "sbin", "etc", "usr/bin", "ingot", "run", "tmp", "dev", "proc", "sys", "root"])
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }

        File.Copy("/bin/busybox", Path.Combine(root, "bin", "busybox"));
        File.CreateSymbolicLink(Path.Combine(root, "bin", "sh"), "busybox");
        File.Copy(Path.Combine(EphemeralImage.RepositoryRoot(), "scripts", "ephemeral", "ingot", "maas-api.sh"), Path.Combine(root, "ingot", "maas-api.sh"));
        await File.WriteAllTextAsync(Path.Combine(root, "etc", "os-release"), $"PRETTY_NAME=\"Ingot memory test image {marker}\"\nID=ingot-memory\n", ct);
        await WriteScriptAsync(Path.Combine(root, "sbin", "init"), Init, ct);
        await WriteScriptAsync(Path.Combine(root, "usr", "bin", "cloud-init"), CloudInit, ct);
        string tarball = Path.Combine(directory, "memory-root.tgz");
        await HostCommand.RunAsync("tar", "--numeric-owner", "--owner=0", "--group=0", "--format=gnu", "-czf", tarball, "-C", root, ".");
        return tarball;
    }

    private static async Task WriteScriptAsync(string path, string text, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, text + "\n", ct);
        await HostCommand.RunAsync("chmod", "755", path);
    }
}
