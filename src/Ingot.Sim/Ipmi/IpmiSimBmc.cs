using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingot.Sim.Ipmi;

/// <summary>
/// An OpenIPMI <c>ipmi_sim</c> BMC answering IPMI 1.5/2.0 on a loopback UDP port: generates its
/// <c>lan.conf</c> (one admin user, all auth types, chassis control) and emulation file in its own
/// directory, starts it, and stops it by its process id. See <c>recipes/dc/README.md</c> for the facts.
/// </summary>
public sealed class IpmiSimBmc : IAsyncDisposable
{
    public const string Executable = "/usr/bin/ipmi_sim";

    private const string Emulation = """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
        sel_enable 0x20 1000 0x0a
        mc_enable 0x20

        """;

    private readonly Process _process;

    private IpmiSimBmc(IpmiSimOptions options, string directory, Process process)
    {
        Options = options;
        Directory = directory;
        _process = process;
    }

    public IpmiSimOptions Options { get; }

    /// <summary>The BMC's directory: configuration, state, and the chassis script's files (power, boot, boots, control.log).</summary>
    public string Directory { get; }

    /// <summary><c>address:port</c>, as FreeIPMI's <c>-h</c> and MAAS's power_address take it.</summary>
    public string PowerAddress => $"{Options.Address}:{Options.Port}";

    public int ProcessId => _process.Id;

    public static IpmiSimBmc Start(IpmiSimOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "state"));
        if (options.Vm is { } vm)
        {
            File.WriteAllLines(Path.Combine(directory, "qemu.args"), vm.Command(options.Name));
        }

        string control = options.ChassisControl ?? WriteScript(directory, options.Vm is null ? IpmiChassisScript.Text : IpmiVmChassisScript.Text);
        File.WriteAllText(Path.Combine(directory, "lan.conf"), LanConf(options, $"{control} {directory}"));
        File.WriteAllText(Path.Combine(directory, "bmc.emu"), Emulation);
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (string arg in new[] { "-n", "-c", Path.Combine(directory, "lan.conf"), "-f", Path.Combine(directory, "bmc.emu"), "-s", Path.Combine(directory, "state") })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("ipmi_sim did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new IpmiSimBmc(options, directory, process);
    }

    /// <summary>The <c>lan.conf</c> for <paramref name="options"/> with <paramref name="chassisControl"/> as the control command.</summary>
    public static string LanConf(IpmiSimOptions options, string chassisControl)
    {
        ArgumentNullException.ThrowIfNull(options);
        string guid = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.Name))[..16]);
        return string.Create(CultureInfo.InvariantCulture, $"""
            name "{options.Name}"
            set_working_mc 0x20
              startlan 1
                addr {options.Address} {options.Port}
                priv_limit admin
                allowed_auths_callback none md2 md5 straight
                allowed_auths_user none md2 md5 straight
                allowed_auths_operator none md2 md5 straight
                allowed_auths_admin none md2 md5 straight
                guid {guid}
              endlan
              chassis_control "{chassisControl}"
              user 2 true "{options.User}" "{options.Password}" admin 10 none md2 md5 straight

            """);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The VM's serial console (with <see cref="IpmiSimOptions.Vm"/>), appended to at every power on.</summary>
    public string ConsolePath => Path.Combine(Directory, "console.log");

    /// <summary>The running VM's process id (qemu), or null when the VM is off.</summary>
    public int? VmProcessId =>
        File.Exists(Path.Combine(Directory, "vm.pid"))
        && int.TryParse(File.ReadAllText(Path.Combine(Directory, "vm.pid")).Trim(), CultureInfo.InvariantCulture, out int pid)
        && IsAlive(pid)
            ? pid
            : null;

    /// <summary>Whether the process runs and is not a zombie (the sandbox's init reaps orphans late).</summary>
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        int end = stat.LastIndexOf(") ", StringComparison.Ordinal);
        return end > 0 && stat.Length > end + 2 && stat[end + 2] != 'Z';
    }

    /// <summary>Stops the VM (SIGKILL by its recorded PID), then ipmi_sim.</summary>
    public async ValueTask DisposeAsync()
    {
        if (VmProcessId is int vm)
        {
            try
            {
                using Process qemu = Process.GetProcessById(vm);
                qemu.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // gone meanwhile
            }

            for (int i = 0; i < 50 && IsAlive(vm); i++)
            {
                await Task.Delay(50);
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string WriteScript(string directory, string text)
    {
        string path = Path.Combine(directory, "chassis-control.sh");
        File.WriteAllText(path, text.Replace("\r", "", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
