using Ingot.CommandLine;
using Ingot.Sim.Machines;

namespace Ingot.Commands;

/// <summary>The options of <c>ingot demo</c> and <c>ingot sim</c>.</summary>
public static class SimCommands
{
    private static readonly OptionSpec s_machines = new("machines", "N", "How many simulated machines (default 12).");
    private static readonly OptionSpec s_profile = new("profile", "P", $"Hardware profile: {string.Join(", ", HardwareProfiles.Names)} (default mixed).");
    private static readonly OptionSpec s_failures = new("failures", "SPEC", $"Injected failures: {FailureSpec.Syntax}.");

    public static CommandSpec Demo { get; } = new(
        "demo",
        "Run Ingot with simulated machines that enlist, commission and deploy, with live progress (no root needed).",
        [
            new OptionSpec("data-dir", "DIR", "Data directory; the demo's state is DIR/demo, made afresh (default $XDG_DATA_HOME/ingot, else ~/.local/share/ingot)."),
            s_machines,
            new OptionSpec("deploy", "N", "How many machines to deploy once READY (default 3)."),
            s_profile,
            s_failures,
            new OptionSpec("port", "PORT", "Ingot's port on 127.0.0.1 (default 5240; 0 for any free port)."),
            new OptionSpec("headless", null, "No live screen: one line per status change."),
            new OptionSpec("exit-when-ready", null, "Exit 0 once every machine reached its target status, 1 (naming them) if not within --timeout."),
            new OptionSpec("timeout", "SECONDS", "With --exit-when-ready, how long to wait (default 300)."),
            new OptionSpec("verbose", null, "Keep Ingot's log on the console."),
        ]);

    public static CommandSpec Sim { get; } = new(
        "sim",
        "Start simulated machines against a running Ingot ('serve --loopback-boot', or as root on a link in a network namespace): they power on, network-boot and enlist.",
        [
            new OptionSpec("url", "URL", "Ingot's URL (default http://127.0.0.1:5240/)."),
            new OptionSpec("key", "KEY", "An admin API key, consumer:token:secret (or $INGOT_API_KEY); used to set up the relay's subnet and boot image settings.", Required: false),
            s_machines,
            s_profile,
            s_failures,
            new OptionSpec("bmc", "TYPE", "The machines' BMCs: redfish (default; Ingot's virtual Redfish service) or ipmi (an ipmi_sim BMC per machine on a loopback UDP port; needs openipmi)."),
            new OptionSpec("loopback-boot", "DHCP_PORT,TFTP_PORT", "The ports given to 'serve --loopback-boot' (default 6767,6969)."),
            new OptionSpec("netns", "NAME", "Root: put the machines in network namespace NAME ('ip netns add'), on a link Ingot serves with 'serve --boot-interface'; they broadcast DHCP there instead of using the loopback relay. Needs --subnet."),
            new OptionSpec("netns-link", "IFACE", "With --netns: the interface the machines are on (default: the namespace's only up interface that is not loopback or a bridge port)."),
            new OptionSpec("subnet", "CIDR", "With --netns: the IPv4 network Ingot serves on that link; the sim makes it (if missing) with a dynamic range over its upper half and turns DHCP on."),
            new OptionSpec("image", "OS/SERIES", "The boot resource the machines boot (default ingot/sim; register one with add-ephemeral-image)."),
            new OptionSpec("first", "N", "The first machine's number, for MACs and names (default 1); lets several sims share one Ingot."),
        ]);
}
