using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power;
using Ingot.Power.Ipmi;
using Ingot.Power.Processes;
using Ingot.Sim.Ipmi;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// A qemu VM behind its own ipmi_sim BMC on a <see cref="BootNetwork"/>: the VM (a tap on the network's
/// bridge, its <see cref="VmHardware"/>) runs only while the BMC's chassis control has it powered on, so
/// whoever powers it (Ingot, or the operator for the first boot) does so over IPMI. Its serial console
/// is a file appended to at every power on: waits read it from a mark (<see cref="ConsoleMark"/>) on,
/// polling every half second, bounded, and name what they waited for.
/// </summary>
internal sealed class BmcMachine : IAsyncDisposable
{
    public const string User = "maas";
    public const string Password = "s3cret-bmc";
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(500);

    private BmcMachine(string name, string mac, VmHardware hardware, IpmiSimBmc bmc, DirectoryInfo directory)
    {
        Name = name;
        Mac = mac;
        Hardware = hardware;
        Bmc = bmc;
        _directory = directory;
    }

    private readonly DirectoryInfo _directory;

    public string Name { get; }

    public string Mac { get; }

    public VmHardware Hardware { get; }

    public IpmiSimBmc Bmc { get; }

    /// <summary>The whole serial console so far (every power on).</summary>
    public string Console => ReadShared(Bmc.ConsolePath);

    /// <summary>ipmi_sim's chassis control calls (<c>get</c>/<c>set</c>), one a line.</summary>
    public string ControlLog => ReadShared(Path.Combine(Bmc.Directory, "control.log"));

    /// <summary>The boot device of each power on, in order.</summary>
    public string[] Boots => File.Exists(Path.Combine(Bmc.Directory, "boots")) ? File.ReadAllLines(Path.Combine(Bmc.Directory, "boots")) : [];

    /// <summary>Whether qemu runs (the chassis is powered on).</summary>
    public bool IsRunning => Bmc.VmProcessId is not null;

    /// <summary>MAAS's ipmi power parameters for this machine's BMC.</summary>
    public IReadOnlyDictionary<string, string> PowerParameters => new Dictionary<string, string>
    {
        ["power_address"] = Bmc.PowerAddress,
        ["power_user"] = User,
        ["power_pass"] = Password,
    };

    /// <summary>
    /// The operator's power on of a machine Ingot does not know yet, over IPMI as MAAS's driver does it
    /// (boot device PXE, then on): first waits until ipmi_sim answers (at most 50 × 200 ms).
    /// </summary>
    public async Task PowerOnByIpmiAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var ipmi = new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(2), ProcessTimeout = TimeSpan.FromSeconds(20) };
        var driver = new IpmiPowerDriver(new ProcessRunner(), ipmi);
        var context = new PowerContext(Name, IpmiSchema.Schema, PowerParameters);
        string last = "";
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await driver.QueryAsync(context, ct);
                break;
            }
            catch (PowerException e) when (attempt < 50 && !Bmc.HasExited)
            {
                last = e.Message;
                await Task.Delay(200, ct);
            }
        }

        var client = new PowerClient(PowerDrivers.CreateRegistry(ipmi: ipmi), new PowerActions(TimeProvider.System));
        PowerOutcome on = await client.PerformAsync(new PowerCommand(Name, "ipmi", PowerParameters, PowerRequest.On), ct);
        if (!on.Succeeded || !IsRunning)
        {
            throw new InvalidOperationException($"{Name}: the operator's IPMI power on failed ({on.Error}; last query error: {last}). Control log:\n{ControlLog}");
        }
    }

    /// <summary>Where the console has got to: waits from here on see only what comes after.</summary>
    public int ConsoleMark() => Console.Length;

    /// <summary>
    /// A VM with <paramref name="cpus"/> vCPUs, <paramref name="memoryMiB"/> MiB and a <paramref name="diskMiB"/> MiB disk, MAC
    /// <c>52:54:00:ff:00:index</c>, behind a new BMC on a free loopback UDP port; qemu's <paramref name="accelerator"/> (tcg, kvm);
    /// <paramref name="firmware"/>: SeaBIOS, or OVMF on q35. OVMF ignores qemu's <c>-boot order</c> (the BMC's boot device) and
    /// tries the disk before the network: a blank disk falls through to the network boot, a disk with an EFI boot loader
    /// at its removable path boots at once. (Tried: the NIC with <c>bootindex=1</c> and the disk with 2 makes OVMF run its own
    /// PXE over IPv4, with its DHCP time-outs, after the NIC's iPXE and before the disk.) <paramref name="secondDiskMiB"/> &gt; 0
    /// adds <paramref name="extraDisks"/> more virtio disks of that size. <paramref name="uefiVariables"/>: OVMF as pflash with the VM's own copy of
    /// <c>OVMF_VARS.fd</c> in its directory, so that boot entries and <c>BootOrder</c> survive its power cycles, as
    /// a machine's NVRAM; without it OVMF runs with <c>-bios</c> and every power on starts from the default variables.
    /// </summary>
    public static async Task<BmcMachine> StartAsync(BootNetwork network, string name, int index, int cpus, int memoryMiB, int diskMiB, string accelerator = "tcg", Firmware firmware = Firmware.Bios, int secondDiskMiB = 0, int extraDisks = 1, bool uefiVariables = false)
    {
        bool uefi = firmware == Firmware.Uefi;
        DirectoryInfo directory = Directory.CreateTempSubdirectory($"ingot-ff-{name}-");
        string? variables = uefi && uefiVariables ? Path.Combine(directory.FullName, "OVMF_VARS.fd") : null;
        if (variables is not null)
        {
            File.Copy(QemuMachine.UefiVariablesTemplate, variables);
        }

        var hardware = VmHardware.Create(cpus, memoryMiB, diskMiB, $"ingot-ff-{name}", directory.FullName, secondDiskMiB, extraDisks);
        string tap = await network.AddTapAsync();
        string mac = string.Create(CultureInfo.InvariantCulture, $"52:54:00:ff:00:{index:x2}");
        var options = new IpmiSimOptions($"ff-{name}", FreeUdpPort())
        {
            User = User,
            Password = Password,
            Vm = new IpmiVm(tap, mac)
            {
                Namespace = network.Namespace,
                MemoryMiB = memoryMiB,
                Cpus = cpus,
                Accelerator = accelerator,
                ExtraArguments = [.. hardware.DiskArguments()],
                UefiFirmware = !uefi ? null : variables is null ? QemuMachine.UefiFirmware : QemuMachine.UefiCode,
                UefiVariables = variables,
            },
        };
        IpmiSimBmc bmc = IpmiSimBmc.Start(options, Path.Combine(directory.FullName, "bmc"));
        return new BmcMachine(name, mac, hardware, bmc, directory);
    }

    /// <summary>Waits until a console line after <paramref name="mark"/> matches <paramref name="pattern"/>; fails naming <paramref name="what"/>, with the console's tail.</summary>
    public async Task<Match> WaitForConsoleAsync(int mark, string pattern, TimeSpan limit, string what)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline);
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            string console = Console;
            if (console.Length > mark && regex.Match(console, mark) is { Success: true } match)
            {
                return match;
            }

            if (TimeProvider.System.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"{Name}: waited {limit.TotalSeconds} s for {what} (console matching /{pattern}/); VM {(IsRunning ? "running" : "off")}. Console:\n{Tail(console[Math.Min(mark, console.Length)..], 60)}");
            }

            await Task.Delay(s_poll, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until qemu has exited (the VM powered itself off, or its BMC powered it off).</summary>
    public async Task WaitForPowerOffAsync(TimeSpan limit, string what)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (IsRunning)
        {
            if (TimeProvider.System.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"{Name}: waited {limit.TotalSeconds} s for {what}; qemu still runs. Console:\n{Tail(Console, 40)}");
            }

            await Task.Delay(s_poll, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Copies the console, the BMC's control log and qemu's log into <paramref name="logDirectory"/> as <c>PREFIX-NAME-*.log</c>.</summary>
    public async Task KeepLogsAsync(string logDirectory, string prefix = "ff")
    {
        await File.WriteAllTextAsync(Path.Combine(logDirectory, $"{prefix}-{Name}-console.log"), Console, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(logDirectory, $"{prefix}-{Name}-bmc-control.log"), ControlLog, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(logDirectory, $"{prefix}-{Name}-qemu.log"), ReadShared(Path.Combine(Bmc.Directory, "qemu.log")), CancellationToken.None);
    }

    /// <summary>Stops the VM and the BMC, then removes the disk and the BMC's directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await Bmc.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
