using System.Diagnostics;

namespace Ingot.Sim.Ipmi;

/// <summary>
/// Ends every process that works in a directory once the process that started the reaper is gone, however
/// it went (SIGKILL included), where .NET cannot set <c>PR_SET_PDEATHSIG</c> on its children: a shell reads its
/// standard input, a pipe only this process holds, until end of file, which the kernel delivers when this
/// process exits or is killed; then it SIGKILLs every process whose working directory is the directory or
/// below it, and deletes the directory when asked. ipmi_sim runs in its BMC's directory (and the chassis
/// scripts and VMs it starts inherit that), so a SIGKILLed <c>ingot sim --bmc ipmi</c> leaves none running.
/// The shell ignores the terminal's signals (Ctrl-C reaches the whole process group), so it outlives a
/// slow shutdown. Disposing closes the pipe the same way and waits for the shell.
/// </summary>
public sealed class DirectoryReaper : IAsyncDisposable
{
    private const string Script = """
        trap '' INT TERM HUP QUIT PIPE
        dir=$(cd -P -- "$1" && pwd -P) || exit 1
        while read -r _; do :; done
        for pass in 1 2; do
          for p in /proc/[0-9]*; do
            case "$(readlink "$p/cwd" 2>/dev/null)" in
              "$dir"|"$dir"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;;
            esac
          done
        done
        if [ "$2" = delete ]; then rm -rf -- "$dir"; fi
        """;

    private readonly Process _shell;

    private DirectoryReaper(Process shell) => _shell = shell;

    /// <summary>The reaper's own process id (a shell).</summary>
    public int ProcessId => _shell.Id;

    /// <summary>Starts the reaper for <paramref name="directory"/>, which must exist; with <paramref name="delete"/> it also deletes it at the end.</summary>
    public static DirectoryReaper Start(string directory, bool delete)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (string arg in new[] { "-c", Script.Replace("\r", "", StringComparison.Ordinal), "ingot-sim-reaper", directory, delete ? "delete" : "keep" })
        {
            start.ArgumentList.Add(arg);
        }

        Process shell = Process.Start(start) ?? throw new InvalidOperationException("The reaper shell did not start.");
        shell.OutputDataReceived += (_, _) => { };
        shell.ErrorDataReceived += (_, _) => { };
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();
        return new DirectoryReaper(shell);
    }

    /// <summary>Ends the reaper as the death of this process would (end of file on its input), then waits (bounded) for it to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_shell.HasExited)
        {
            _shell.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _shell.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _shell.Kill();
                await _shell.WaitForExitAsync(CancellationToken.None);
            }
        }

        _shell.Dispose();
    }
}
