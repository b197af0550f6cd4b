using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingot.Benchmarks;

/// <summary>
/// How a benchmark stops on SIGINT or SIGTERM, promptly even when its thread pool is starved (a 10,000-machine
/// storm's simulated machines keep it so): .NET runs these two signals' handlers on a thread of their own, and the
/// handler here does its work there, without waiting for the pool. The first signal kills every child process
/// registered with <see cref="Adopt"/> (<c>ingot serve</c> and its own children) at once and cancels
/// <see cref="Token"/>, so the benchmark unwinds; if it has not exited <see cref="Grace"/> later, or on a second
/// signal, the process exits with 128 + the signal's number. A child is also killed when the process exits any
/// other way that runs exit handlers (<see cref="AppDomain.ProcessExit"/>). A SIGKILL of the benchmark still leaves
/// its child running: nothing in the process runs then.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> s_children = new();

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _log;
    private int _signals;

    public StopSignals(TextWriter log)
    {
        _log = log;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillChildren();
    }

    /// <summary>How long the benchmark may take to unwind after the first signal before it is made to exit.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(10);

    /// <summary>128 + the number of the first signal (130 for SIGINT, 143 for SIGTERM); 0 before one.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>A child process to kill (with its own children) on a stop signal or at exit; forgotten once it has exited.</summary>
    public static void Adopt(Process child)
    {
        ArgumentNullException.ThrowIfNull(child);
        s_children[child.Id] = child;
    }

    /// <summary>Forgets a child the benchmark ended itself.</summary>
    public static void Release(Process child)
    {
        ArgumentNullException.ThrowIfNull(child);
        s_children.TryRemove(child.Id, out _);
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        int exitCode = 128 + SignalNumber(context.Signal);
        int count = Interlocked.Increment(ref _signals);
        KillChildren();
        if (count > 1)
        {
            _log.WriteLine($"{context.Signal} again: exiting now");
            Environment.Exit(exitCode);
        }

        ExitCode = exitCode;
        _log.WriteLine($"{context.Signal}: children killed, stopping (exit forced in {Grace.TotalSeconds:F0} s)");
        var watchdog = new Thread(() =>
        {
            // A plain wait on this thread: a timer or delay would need the (starved) thread pool.
            using var never = new ManualResetEventSlim();
            never.Wait(Grace);
            _log.WriteLine($"still running {Grace.TotalSeconds:F0} s after {context.Signal}: exiting");
            Environment.Exit(exitCode);
        })
        { IsBackground = true, Name = "stop watchdog" };
        watchdog.Start();
        _cancel.Cancel();
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGTERM => 15,
        _ => 1,
    };

    private static void KillChildren()
    {
        foreach ((int id, Process child) in s_children)
        {
            try
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Gone, or not ours to kill any more.
            }

            s_children.TryRemove(id, out _);
        }
    }
}
