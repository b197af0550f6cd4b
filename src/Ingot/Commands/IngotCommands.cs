using Ingot.CommandLine;

namespace Ingot.Commands;

/// <summary>The commands of the <c>ingot</c> executable and their options.</summary>
public static class IngotCommands
{
    private static readonly OptionSpec s_dataDir = new("data-dir", "DIR", "Data directory (default $XDG_DATA_HOME/ingot, else ~/.local/share/ingot).");
    private static readonly OptionSpec s_database = new("database", "CONNSTR", "PostgreSQL connection string (or $INGOT_DATABASE); default a SQLite file in the data directory.");

    public static CommandSpec Serve { get; } = new(
        "serve",
        "Run Ingot: the region and rack services in one process. Creates or migrates the database schema at start.",
        [
            s_dataDir,
            s_database,
            new OptionSpec("urls", "URLS", "Where to listen (default http://127.0.0.1:5240, MAAS's port)."),
            new OptionSpec("boot-urls", "URLS", "Where machines reach HTTP boot (default http://0.0.0.0:5248, MAAS's port; 'none' for only --urls). DHCP and TFTP hand out URLs on the first URL's port."),
            new OptionSpec("loopback-boot", "DHCP_PORT,TFTP_PORT", "Also serve DHCP (relayed requests only) and TFTP on 127.0.0.1 at these UDP ports, for simulated machines behind a loopback relay (no root needed)."),
            new OptionSpec("boot-interface", "IFACE", "A host interface for the boot services (DHCP, TFTP, HTTP boot); repeatable (or $INGOT_BOOT_INTERFACES, space or comma separated). Without one, boot services are off.", Repeatable: true),
        ]);

    public static CommandSpec CreateAdmin { get; } = new(
        "createadmin",
        "Create an administrator account, as 'maas createadmin' does.",
        [
            new OptionSpec("username", "USERNAME", "Username for the new account.", Required: true),
            new OptionSpec("password", "PASSWORD", "Password for the new account.", Required: true),
            new OptionSpec("email", "EMAIL", "Email address for the new account.", Required: true),
            s_dataDir,
            s_database,
        ]);

    public static CommandSpec ApiKey { get; } = new(
        "apikey",
        "Print a user's API key as consumer:token:secret, creating one if the user has none, as 'maas apikey' does.",
        [
            new OptionSpec("username", "USERNAME", "The user whose key to print.", Required: true),
            new OptionSpec("generate", null, "Create a new key even if the user has one, and print it."),
            s_dataDir,
            s_database,
        ]);

    public static CommandSpec AddEphemeralImage { get; } = new(
        "add-ephemeral-image",
        "Register the image scripts/build-ephemeral-image.sh built as a boot resource (default ingot/ephemeral, amd64/generic).",
        [
            new OptionSpec("dir", "DIR", "The build's output directory (vmlinuz, initrd.img).", Required: true),
            new OptionSpec("name", "OS/SERIES", "The boot resource's name (default ingot/ephemeral)."),
            new OptionSpec("architecture", "ARCH/SUBARCH", "Its architecture (default amd64/generic)."),
            new OptionSpec("root-dd-raw", "FILE", "A raw disk image deployments write (root-dd.raw; scripts/build-deploy-image.sh)."),
            new OptionSpec("root-tgz", "FILE", "A root tarball deployments lay onto the storage layout (root-tgz; scripts/build-debian-tarball.sh)."),
            s_dataDir,
            s_database,
        ]);

    public static IReadOnlyList<CommandSpec> All { get; } = [Serve, CreateAdmin, ApiKey, AddEphemeralImage, SimCommands.Demo, SimCommands.Sim];

    public static string Help() =>
        "usage: ingot <command> [options]\n\n" +
        "Ingot: bare-metal provisioning that speaks MAAS's API.\n\n" +
        "commands:\n" +
        string.Concat(All.Select(c => $"  {c.Name,-24} {c.Summary}\n")) +
        "\nclient commands (as the maas CLI's):\n" +
        "  login NAME URL [KEY|-]   Remember a server as profile NAME (checks the key, fetches describe/).\n" +
        "  logout NAME              Forget a profile.\n" +
        "  list                     List profiles.\n" +
        "  refresh                  Fetch every profile's describe/ again.\n" +
        "  NAME RESOURCE ACTION …   Call the API: 'ingot NAME machines read', 'ingot NAME machine deploy ID --wait'.\n" +
        "  completion bash          Print bash completion (eval \"$(ingot completion bash)\").\n" +
        "\nRun 'ingot <command> --help' for a command's options, 'ingot NAME --help' for a profile's resources.\n";
}
