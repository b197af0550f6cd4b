using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Processes;

namespace Ingot.Power.Ipmi;

/// <summary>
/// MAAS's <c>ipmi</c> driver through FreeIPMI. Power on commits a one-time PXE boot with
/// <c>ipmi-chassis-config</c> (only its auth errors are fatal, as in MAAS) and then runs
/// <c>ipmipower --cycle --on-if-off</c>; off is <c>--off</c> or <c>--soft</c>; query is <c>--stat</c>.
/// Output is classified with <see cref="IpmiErrors"/>; on "Incorrect K_g key" the call is retried once without K_g.
/// </summary>
public sealed class IpmiPowerDriver(IProcessRunner runner, IpmiOptions options) : IPowerDriver
{
    public IpmiPowerDriver()
        : this(new ProcessRunner(), new IpmiOptions())
    {
    }

    public PowerTypeSchema Schema => IpmiSchema.Schema;

    public Task PowerOnAsync(PowerContext context, CancellationToken ct) =>
        WithKgFallbackAsync(context, async common =>
        {
            await SetBootDevicePxeAsync(context, common, ct);
            await RunIpmiPowerAsync(IpmiCommandLine.PowerOn(common), context, "on", ct);
            return PowerState.On;
        });

    public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct)
    {
        bool soft = mode == StopMode.Soft;
        return WithKgFallbackAsync(context, async common =>
        {
            await RunIpmiPowerAsync(IpmiCommandLine.PowerOff(common, soft), context, "off", ct);
            return PowerState.Off;
        });
    }

    public Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct) =>
        WithKgFallbackAsync(context, async common =>
        {
            string stdout = await RunIpmiPowerAsync(IpmiCommandLine.Query(common), context, "query", ct);
            return IpmiCommandLine.ParseState(stdout)
                ?? throw new PowerException(PowerErrorKind.General, $"Unexpected ipmipower output: {stdout.Trim()}");
        });

    public Task SetBootDevicePxeAsync(PowerContext context, CancellationToken ct) =>
        WithKgFallbackAsync(context, async common =>
        {
            await SetBootDevicePxeAsync(context, common, ct);
            return PowerState.Unknown;
        });

    private async Task SetBootDevicePxeAsync(PowerContext context, IReadOnlyList<string> common, CancellationToken ct)
    {
        string file = Path.Combine(Path.GetTempPath(), $"ingot-ipmi-{Guid.NewGuid():N}.conf");
        try
        {
            await File.WriteAllTextAsync(file, IpmiCommandLine.PxeBootConfig(context.Get("power_boot_type")), ct);
            ProcessResult result = await RunAsync(IpmiCommandLine.ChassisConfig(common, file), ct);

            // Some BMCs time out setting the boot device (LP:1516065): MAAS goes on unless the credentials were refused.
            if (IpmiErrors.Find(result.Stderr, authOnly: true) is { } authError)
            {
                throw authError;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> RunIpmiPowerAsync(ProcessInvocation invocation, PowerContext context, string change, CancellationToken ct)
    {
        ProcessResult result = await RunAsync(invocation, ct);
        if (IpmiErrors.Find(result.Stdout) is { } error)
        {
            throw error;
        }

        if (result.TimedOut)
        {
            throw new PowerException(PowerErrorKind.Connection, $"ipmipower did not finish within {options.ProcessTimeout.TotalSeconds:0} s.");
        }

        if (result.ExitCode != 0)
        {
            throw new PowerException(PowerErrorKind.General, $"Failed to power {change} {context.Get("power_address")}: {result.Stdout.Trim()}");
        }

        return result.Stdout;
    }

    private async Task<ProcessResult> RunAsync(ProcessInvocation invocation, CancellationToken ct)
    {
        try
        {
            return await runner.RunAsync(invocation, options.ProcessTimeout, ct);
        }
        catch (FileNotFoundException e)
        {
            throw new PowerException(PowerErrorKind.Tool, $"{invocation.FileName} (install freeipmi-tools)", e);
        }
    }

    private async Task<T> WithKgFallbackAsync<T>(PowerContext context, Func<IReadOnlyList<string>, Task<T>> call)
    {
        try
        {
            return await call(IpmiCommandLine.CommonArguments(context, withKg: true, options.SessionTimeout));
        }
        catch (PowerException e) when (e.Message == IpmiErrors.IncorrectKg && context.Get("k_g").Length > 0)
        {
            return await call(IpmiCommandLine.CommonArguments(context, withKg: false, options.SessionTimeout));
        }
    }
}
