using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;
using Ingot.Sim.Ipmi;

namespace Ingot.E2E.Tests;

/// <summary>
/// Rescue mode of a deployed machine in a qemu VM behind an ipmi_sim BMC, Ingot doing every power action
/// over IPMI. The machine is added as already deployed (<c>deployed=true</c>, MAAS's way to take over a
/// running machine): its disk holds the image <c>scripts/build-deploy-image.sh</c> makes, as if installed
/// earlier, whose system stays up once booted (<c>ingot_hold</c>, as a real OS would). rescue_mode → Ingot
/// power-cycles it → PXE → the ephemeral image; the agent sees no power_state in its preseed, signals OK
/// (RESCUE_MODE) and starts dropbear with the owner's key from meta-data/public-keys; the test logs in with
/// OpenSSH and the key it made and uploaded (account/prefs/sshkeys), checking the host key the console
/// printed, and reads the machine's MAC and its disk's boot signature. exit_rescue_mode → Ingot power-cycles
/// it (previous status DEPLOYED) → iPXE's local boot → the system on its disk; DEPLOYED, owner kept.
/// mark_broken → released first, so Ingot powers it off over IPMI (qemu gone); mark_fixed → READY. Rescue from
/// READY: the same boot, key and SSH login; exit_rescue_mode → Ingot powers it off (previous status READY) →
/// READY, no owner, off. Each exit records one outcome: the exit's own power action, then the previous status.
/// Then deploy to memory (<c>ephemeral_deploy</c>, MAAS 3.5) from READY of an image with a root tarball: the VM runs that
/// image from a tmpfs, its cloud-init reads the user-data (DEPLOYED), disk untouched; release powers it off (<see cref="DeployToMemoryAsync"/>).
/// Console, BMC log, Ingot's output and events go to <see cref="NetworkBootLab.LogDirectory"/> (<c>rs-*</c>).
/// </summary>
public sealed class RescueModeTests
{
    private const string Mac = "52:54:00:e2:e5:01";
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan s_statusLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_deployed_vm_enters_rescue_mode_is_reached_over_ssh_exits_to_deployed_is_marked_broken_and_fixed_then_enters_rescue_mode_from_ready_and_exits_powered_off()
    {
        E2ERequirements.Require();
        E2ERequirements.RequireIpmi();
        RequireSsh();
        await using var lab = new NetworkBootLab("rs");
        await lab.StartAsync();
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-e2e-rescue-");
        var hardware = VmHardware.Create(cpus: 1, memoryMiB: 512, diskMiB: 1024, diskSerial: "ingot-rs-disk0", directory.FullName);
        await InstallSystemAsync(await DeployImage.PathAsync(), hardware.DiskPath);
        string tap = await lab.Network.AddTapAsync();
        var options = new IpmiSimOptions("rs-rescue", FreeUdpPort())
        {
            User = "maas",
            Password = "rescue-bmc",
            Vm = new IpmiVm(tap, Mac) { Namespace = lab.Network.Namespace, ExtraArguments = [.. hardware.DiskArguments()] },
        };
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        IpmiSimBmc? bmc = null;
        string systemId = "";
        try
        {
            bmc = IpmiSimBmc.Start(options, Path.Combine(directory.FullName, "bmc"));
            string key = Path.Combine(directory.FullName, "id_ed25519");
            await HostCommand.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "rs-owner", "-f", key);
            await maas.PostAsync("account/prefs/sshkeys/", ("key", (await File.ReadAllTextAsync(key + ".pub", Ct)).Trim()));

            JsonElement created = await maas.PostAsync(
                "machines/",
                ("architecture", "amd64/generic"),
                ("mac_addresses", Mac),
                ("hostname", "rs-rescue"),
                ("deployed", "true"),
                ("power_type", "ipmi"),
                ("power_parameters_power_address", bmc.PowerAddress),
                ("power_parameters_power_user", options.User),
                ("power_parameters_power_pass", options.Password));
            systemId = created.GetProperty("system_id").GetString()!;
            Assert.Equal("Deployed", created.GetProperty("status_name").GetString());

            // Rescue: power cycle over IPMI, PXE, the ephemeral image, signal OK, dropbear with the owner's key.
            var console = new ConsoleFile(bmc.ConsolePath);
            await EnterRescueModeAsync(maas, systemId, console, key, directory.FullName);

            // Exit: previous status DEPLOYED, so Ingot power-cycles it; iPXE boots the disk; DEPLOYED, owner kept.
            long mark = console.Mark();
            JsonElement exiting = await maas.PostAsync($"machines/{systemId}/?op=exit_rescue_mode");
            Assert.Contains(exiting.GetProperty("status_name").GetString(), (string[])["Exiting rescue mode", "Deployed"]);
            await console.WaitForAsync("INGOT-EPHEMERAL: running /ingot/deployed.sh", mark, s_bootLimit, "the power-cycled VM to boot the system on its disk");
            Assert.Contains("Booting from SAN device 0x80", console.Since(mark), StringComparison.Ordinal);
            Assert.DoesNotContain("INGOT-EPHEMERAL: agent:", console.Since(mark), StringComparison.Ordinal);
            await WaitForStatusAsync(maas, systemId, "Deployed", "DEPLOYED after exiting rescue mode");
            JsonElement deployed = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal(("admin", "on"), (deployed.GetProperty("owner").GetString(), deployed.GetProperty("power_state").GetString()));
            Assert.Equal(["From 'Rescue mode' to 'Exiting rescue mode'", "Power cycling", "Node powered on", "From 'Exiting rescue mode' to 'Deployed'"], await EventsSinceExitAsync(maas, systemId));
            int qemu = bmc.VmProcessId ?? throw new InvalidOperationException($"no VM runs after exiting rescue mode. {Context(bmc)}");

            // Broken: a deployed machine is released first, which powers it off over IPMI; fixed: READY.
            JsonElement broken = await maas.PostAsync($"machines/{systemId}/?op=mark_broken", ("comment", "rescue test"));
            Assert.Equal(("Broken", "rescue test"), (broken.GetProperty("status_name").GetString(), broken.GetProperty("error_description").GetString()));
            await WaitUntilAsync(() => Task.FromResult(!IpmiSimBmc.IsAlive(qemu)), $"Ingot to power the broken machine off over IPMI (qemu {qemu}). {Context(bmc)}");
            await WaitUntilAsync(async () => (await maas.GetAsync($"machines/{systemId}/")).GetProperty("power_state").GetString() == "off", "power_state off after mark_broken");
            Assert.Contains("set power 0", await File.ReadAllTextAsync(Path.Combine(bmc.Directory, "control.log"), Ct), StringComparison.Ordinal);
            JsonElement fixedMachine = await maas.PostAsync($"machines/{systemId}/?op=mark_fixed");
            Assert.Equal(("Ready", ""), (fixedMachine.GetProperty("status_name").GetString(), fixedMachine.GetProperty("error_description").GetString()));

            // Rescue from READY: Ingot powers the machine on (cycle, on if off) into the ephemeral image, the
            // owner's key again; exit → previous status READY, so Ingot powers it off; READY, no owner, off.
            await EnterRescueModeAsync(maas, systemId, console, key, directory.FullName);
            qemu = bmc.VmProcessId ?? throw new InvalidOperationException($"no VM runs in rescue mode from READY. {Context(bmc)}");
            JsonElement leaving = await maas.PostAsync($"machines/{systemId}/?op=exit_rescue_mode");
            Assert.Contains(leaving.GetProperty("status_name").GetString(), (string[])["Exiting rescue mode", "Ready"]);
            await WaitUntilAsync(() => Task.FromResult(!IpmiSimBmc.IsAlive(qemu)), $"Ingot to power the machine off over IPMI on leaving rescue mode (qemu {qemu}). {Context(bmc)}");
            await WaitForStatusAsync(maas, systemId, "Ready", "READY after exiting rescue mode");
            JsonElement ready = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal((JsonValueKind.Null, "off"), (ready.GetProperty("owner").ValueKind, ready.GetProperty("power_state").GetString()));
            Assert.Equal(["From 'Rescue mode' to 'Exiting rescue mode'", "Powering off", "Node powered off", "From 'Exiting rescue mode' to 'Ready'"], await EventsSinceExitAsync(maas, systemId));

            // Deploy to memory (MAAS 3.5's ephemeral_deploy) from READY, powered off: the VM network-boots the
            // ephemeral OS and stays up in it, DEPLOYED, its disk untouched; release powers it off → NEW.
            await DeployToMemoryAsync(lab, maas, bmc, systemId, console, hardware.DiskPath, directory.FullName);
        }
        finally
        {
            await KeepLogsAsync(lab, maas, bmc, systemId);
            if (bmc is not null)
            {
                await bmc.DisposeAsync();
            }

            directory.Delete(recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// rescue_mode → Entering rescue mode; Ingot powers the VM over IPMI into the ephemeral image, whose agent
    /// signals OK (Rescue mode) and starts dropbear with the owner's key; the test logs in with that key,
    /// checking the host key the console printed, and reads the installed key, the MAC and the disk's boot signature.
    /// </summary>
    private static async Task EnterRescueModeAsync(MaasClient maas, string systemId, ConsoleFile console, string key, string directory)
    {
        long mark = console.Mark();
        JsonElement entering = await maas.PostAsync($"machines/{systemId}/?op=rescue_mode");
        Assert.Equal("Entering rescue mode", entering.GetProperty("status_name").GetString());
        await console.WaitForAsync("INGOT-EPHEMERAL: init started", mark, s_bootLimit, "the VM, powered on by Ingot over IPMI, to network-boot the ephemeral image");
        await console.WaitForAsync("INGOT-EPHEMERAL: agent: rescue: signalled OK", mark, s_bootLimit, "the agent to see no power_state and signal OK");
        Match ssh = await DropbearAsync(console, mark, "dropbear to start with the owner's key");
        await WaitForStatusAsync(maas, systemId, "Rescue mode", "RESCUE_MODE after the agent's OK");
        await console.WaitForAsync("INGOT-EPHEMERAL: staying up", mark, TimeSpan.FromMinutes(1), "/init to stay up instead of powering off");

        string output = await SshAsync(
            ssh, key, Path.Combine(directory, "known_hosts"),
            "echo rescue-user=$(id -un); cut -d' ' -f1,2 /root/.ssh/authorized_keys; cat /sys/class/net/eth0/address; dd if=/dev/vda bs=1 skip=510 count=2 2>/dev/null | od -An -tx1");
        string publicKey = string.Join(' ', (await File.ReadAllTextAsync(key + ".pub", Ct)).Split(' ')[..2]);
        Assert.Equal(["rescue-user=root", publicKey, Mac, "55 aa"], output.Split('\n').Select(l => l.Trim()).ToArray());
        Assert.Equal("Rescue mode", await StatusAsync(maas, systemId));
    }

    /// <summary>The agent's dropbear line on the console since <paramref name="mark"/>: group 1 the address, group 2 the host key.</summary>
    private static Task<Match> DropbearAsync(ConsoleFile console, long mark, string what) =>
        console.WaitForAsync(
            @"INGOT-EPHEMERAL: agent: ssh: dropbear listening on ([0-9.]+):22 for 1 keys, host key (ssh-ed25519 \S+)",
            mark,
            TimeSpan.FromMinutes(1),
            what);

    /// <summary>Runs <paramref name="command"/> as root over SSH with <paramref name="key"/>, trusting only the host key the console printed.</summary>
    private static async Task<string> SshAsync(Match dropbear, string key, string knownHosts, string command)
    {
        string address = dropbear.Groups[1].Value;
        await File.WriteAllTextAsync(knownHosts, $"{address} {dropbear.Groups[2].Value}\n", Ct);
        return await HostCommand.RunAsync(
            "ssh", "-i", key, "-o", $"UserKnownHostsFile={knownHosts}", "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR", $"root@{address}", command);
    }

    /// <summary>
    /// Deploy to memory, as MAAS 3.5 does it (<c>op=deploy ephemeral_deploy=true</c>), of a READY machine that is off:
    /// an uploaded image with a <c>root-tgz</c> (the user's image, <see cref="MemoryImage"/>: busybox, an os-release
    /// carrying this run's marker, a cloud-init stand-in); the machine gets a DHCP link (MAAS refuses a machine with no
    /// network); the lab's image, which has no install file, is refused with MAAS's text first. Ingot powers the VM on
    /// over IPMI; it network-boots Ingot's ephemeral OS, whose boot line names the image's tarball; the agent unpacks it
    /// into a tmpfs, sees cloud-init in it and leaves the user-data to it; /init switches root; the image's own init
    /// runs as PID 1 on the tmpfs root with no disk mounted; its cloud-init reports modules-final naming the image (the
    /// marker reaches Ingot as an event), reads its user-data with the machine's token (→ DEPLOYED) and runs it.
    /// Release → Ingot powers it off over IPMI → NEW (never commissioned, as MAAS), <c>ephemeral_deploy</c> false. The disk
    /// file's SHA-256 is the same before and after: nothing was written to it. The step's time goes to <c>rs-memory-stages.txt</c>.
    /// </summary>
    private static async Task DeployToMemoryAsync(NetworkBootLab lab, MaasClient maas, IpmiSimBmc bmc, string systemId, ConsoleFile console, string disk, string directory)
    {
        var stages = new System.Text.StringBuilder();
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        void Stage(string name) => stages.AppendLine(FormattableString.Invariant($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,7:0.0} s  {name}"));
        try
        {
            // The user's image: a busybox root tarball whose os-release carries this run's marker (Lab/MemoryImage.cs).
            string marker = Guid.NewGuid().ToString("N")[..12];
            string tarball = await MemoryImage.WriteAsync(directory, marker, Ct);
            string image = await EphemeralImage.DirectoryAsync();
            await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/memory", "--root-tgz", tarball);

            JsonElement machine = await maas.GetAsync($"machines/{systemId}/");
            JsonElement nic = machine.GetProperty("interface_set")[0];
            if (!nic.GetProperty("links").EnumerateArray().Any(l => l.GetProperty("mode").GetString() is "dhcp" or "auto" or "static"))
            {
                string subnet = (await maas.GetAsync("subnets/")).EnumerateArray().First().GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
                await maas.PostAsync($"nodes/{systemId}/interfaces/{nic.GetProperty("id").GetInt32()}/?op=link_subnet", ("mode", "DHCP"), ("subnet", subnet));
            }

            string before = await DiskDigestAsync(disk);
            int events = (await AllEventsAsync(maas, systemId)).Length;
            // The lab's own image has a kernel and an initrd but no install file: MAAS cannot deploy it to memory.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                maas.PostAsync($"machines/{systemId}/?op=deploy", ("distro_series", "ingot/ephemeral"), ("ephemeral_deploy", "true")));
            Assert.EndsWith("answered 400: Deployment to memory not supported for ingot/ephemeral on amd64/generic", refused.Message, StringComparison.Ordinal);
            Assert.Equal(("Ready", events), (await StatusAsync(maas, systemId), (await AllEventsAsync(maas, systemId)).Length));
            Stage("refused: an image with no install file, to memory");

            long mark = console.Mark();
            const string UserData = "#!/bin/sh\necho memory-user-data\n";
            JsonElement deploying = await maas.PostAsync(
                $"machines/{systemId}/?op=deploy",
                ("distro_series", "ingot/memory"),
                ("ephemeral_deploy", "true"),
                ("user_data", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(UserData))));
            Assert.Equal(("Deploying", true), (deploying.GetProperty("status_name").GetString(), deploying.GetProperty("ephemeral_deploy").GetBoolean()));
            Stage("deploy requested");
            await console.WaitForAsync("INGOT-EPHEMERAL: init started", mark, s_bootLimit, "the VM, powered on by Ingot over IPMI, to network-boot the ephemeral OS");
            Stage("ephemeral OS booting");
            // Ingot's boot script names the image's root-tgz; the agent unpacks it into a tmpfs and /init switches root into it.
            await console.WaitForAsync(@"INGOT-EPHEMERAL: agent: memory: unpacking http://\S+/images/ingot/amd64/generic/memory/stable/root-tgz into a tmpfs of \d+ MiB", mark, s_bootLimit, "the agent to fetch the image's root tarball");
            await console.WaitForAsync("INGOT-EPHEMERAL: agent: memory: the image has cloud-init: it reads its own user-data", mark, TimeSpan.FromMinutes(1), "the agent to leave the user-data to the image's cloud-init");
            await console.WaitForAsync("INGOT-EPHEMERAL: switching root to the deployed image in memory", mark, TimeSpan.FromMinutes(1), "/init to switch root into the image");
            Stage("switched root into the user's image");
            Match line = await console.WaitForAsync(
                $@"{MemoryImage.ConsolePrefix} Ingot memory test image {marker}: init pid 1, root tmpfs, 0 disk mounts, mac (\S+)", mark, TimeSpan.FromMinutes(1), "the image's own /sbin/init to run as PID 1 on a tmpfs root");
            Assert.Equal(Mac, line.Groups[1].Value);
            await console.WaitForAsync($"{MemoryImage.ConsolePrefix} cloud-init: user-data said: memory-user-data", mark, TimeSpan.FromMinutes(1), "the image's cloud-init to fetch its user-data with the machine's token and run it");
            await WaitForStatusAsync(maas, systemId, "Deployed", "DEPLOYED once the image in memory read its user-data");
            Stage("DEPLOYED");
            string booted = console.Since(mark);
            Assert.DoesNotContain("Booting from SAN device", booted, StringComparison.Ordinal);
            Assert.DoesNotContain("agent: rescue", booted, StringComparison.Ordinal);
            Assert.DoesNotContain("running /ingot/deployed.sh", booted, StringComparison.Ordinal);
            Assert.DoesNotContain("agent: memory: deployed to memory", booted, StringComparison.Ordinal);
            Assert.DoesNotContain("INGOT-EPHEMERAL: staying up", booted, StringComparison.Ordinal);

            JsonElement deployed = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal(("Deployed", true, "on", "admin"), (deployed.GetProperty("status_name").GetString(), deployed.GetProperty("ephemeral_deploy").GetBoolean(), deployed.GetProperty("power_state").GetString(), deployed.GetProperty("owner").GetString()));
            string[] deployEvents = [.. (await AllEventsAsync(maas, systemId))[events..]];
            // The marker reached Ingot only from the image itself: its cloud-init's report names the image (its os-release).
            AssertInOrder(["From 'Ready' to 'Allocated'", "From 'Allocated' to 'Deploying'", "Node powered on", $"'modules-final' running modules for final on Ingot memory test image {marker}", "From 'Deploying' to 'Deployed'", "ingot/memory"], deployEvents);
            Stage("events checked");

            int qemu = bmc.VmProcessId ?? throw new InvalidOperationException($"no VM runs while deployed to memory. {Context(bmc)}");
            JsonElement releasing = await maas.PostAsync($"machines/{systemId}/?op=release");
            Assert.Contains(releasing.GetProperty("status_name").GetString(), (string[])["Releasing", "Ready"]);
            await WaitUntilAsync(() => Task.FromResult(!IpmiSimBmc.IsAlive(qemu)), $"Ingot to power the machine deployed to memory off over IPMI on release (qemu {qemu}). {Context(bmc)}");
            // MAAS's _finalize_release: READY only when the current commissioning script set passed, else NEW. This
            // machine was added with deployed=true and never commissioned, so the release ends NEW, as in MAAS.
            await WaitForStatusAsync(maas, systemId, "New", "NEW (never commissioned) after releasing the machine deployed to memory");
            JsonElement released = await maas.GetAsync($"machines/{systemId}/");
            Assert.Equal((JsonValueKind.Null, "off", false), (released.GetProperty("owner").ValueKind, released.GetProperty("power_state").GetString(), released.GetProperty("ephemeral_deploy").GetBoolean()));
            string[] releaseEvents = [.. (await AllEventsAsync(maas, systemId))[(events + deployEvents.Length)..]];
            AssertInOrder(["From 'Deployed' to 'Releasing'", "Powering off", "Node powered off", "From 'Releasing' to 'New'", "Released"], releaseEvents);
            Stage("released: off, NEW");

            Assert.Equal(before, await DiskDigestAsync(disk));
            Stage("disk unchanged");
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(NetworkBootLab.LogDirectory, "rs-memory-stages.txt"), stages.ToString(), CancellationToken.None);
        }
    }

    /// <summary>Every event of the machine, oldest first (description, or the type when it has none).</summary>
    private static async Task<string[]> AllEventsAsync(MaasClient maas, string systemId) =>
        [.. (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).GetProperty("events").EnumerateArray().Reverse()
            .Select(e => e.GetProperty("description").GetString() is { Length: > 0 } d ? d : e.GetProperty("type").GetString()!)];

    /// <summary>Each of <paramref name="expected"/> occurs in <paramref name="events"/>, in this order.</summary>
    private static void AssertInOrder(string[] expected, string[] events)
    {
        int at = 0;
        foreach (string e in expected)
        {
            int found = Array.IndexOf(events, e, at);
            Assert.True(found >= 0, $"event \"{e}\" not found in order in: {string.Join(" | ", events)}");
            at = found + 1;
        }
    }

    private static async Task<string> DiskDigestAsync(string disk)
    {
        await using FileStream stream = File.OpenRead(disk);
        return Convert.ToHexString(await System.Security.Cryptography.SHA256.HashDataAsync(stream, Ct));
    }

    /// <summary>The events from the last "From 'Rescue mode' to 'Exiting rescue mode'" on (the query leaves out audit events).</summary>
    private static async Task<string[]> EventsSinceExitAsync(MaasClient maas, string systemId)
    {
        string[] events = [.. (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).GetProperty("events").EnumerateArray().Reverse()
            .Select(e => e.GetProperty("description").GetString() is { Length: > 0 } d ? d : e.GetProperty("type").GetString()!)];
        return events[Array.LastIndexOf(events, "From 'Rescue mode' to 'Exiting rescue mode'")..];
    }

    private static void RequireSsh()
    {
        foreach (string tool in (string[])["ssh", "ssh-keygen", "mtype", "mcopy"])
        {
            if (!HostCommand.Exists(tool))
            {
                Assert.Fail($"{tool} is absent (scripts/install-test-packages.sh installs openssh-client and mtools)");
            }
        }
    }

    /// <summary>
    /// The deployable image written onto the VM's disk, as an earlier installation would have left it; its
    /// boot entry carries <c>ingot_hold</c> (scripts/build-deploy-image.sh), so the booted system stays up as an
    /// installed OS does.
    /// </summary>
    private static async Task InstallSystemAsync(string image, string disk)
    {
        await using (FileStream source = File.OpenRead(image))
        await using (var target = new FileStream(disk, FileMode.Open, FileAccess.Write))
        {
            await source.CopyToAsync(target, Ct);
        }

        string config = await HostCommand.RunAsync("mtype", "-i", $"{disk}@@1M", "::/syslinux.cfg");
        Assert.Contains("ingot_deployed ingot_hold", config, StringComparison.Ordinal);
    }

    private static async Task<string> StatusAsync(MaasClient maas, string systemId) =>
        (await maas.GetAsync($"machines/{systemId}/")).GetProperty("status_name").GetString()!;

    private static Task WaitForStatusAsync(MaasClient maas, string systemId, string status, string stage) =>
        WaitUntilAsync(async () => await StatusAsync(maas, systemId) == status, stage);

    /// <summary>Polls every 500 ms for at most two minutes, failing with <paramref name="stage"/>.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string stage)
    {
        var deadline = TimeProvider.System.GetUtcNow() + s_statusLimit;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Waited {s_statusLimit.TotalSeconds:0} s for {stage}");
            }

            await Task.Delay(500, Ct);
        }
    }

    private static string Context(IpmiSimBmc bmc) =>
        $"BMC {bmc.Directory}; control.log:\n{Read(Path.Combine(bmc.Directory, "control.log"))}\nqemu.log:\n{Read(Path.Combine(bmc.Directory, "qemu.log"))}";

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : $"({Path.GetFileName(path)} absent)";

    private static async Task KeepLogsAsync(NetworkBootLab lab, MaasClient maas, IpmiSimBmc? bmc, string systemId)
    {
        string logs = NetworkBootLab.LogDirectory;
        if (bmc is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(logs, "rs-rescue-console.log"), Read(bmc.ConsolePath), CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(logs, "rs-rescue-bmc.log"), Context(bmc), CancellationToken.None);
        }

        await File.WriteAllTextAsync(Path.Combine(logs, "rs-rescue-ingot-serve.log"), lab.Server.Output, CancellationToken.None);
        if (systemId.Length > 0)
        {
            string events;
            try
            {
                events = (await maas.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000")).ToString();
            }
            catch (InvalidOperationException e)
            {
                events = $"events could not be read: {e.Message}";
            }

            await File.WriteAllTextAsync(Path.Combine(logs, "rs-rescue-events.json"), events, CancellationToken.None);
        }
    }

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
