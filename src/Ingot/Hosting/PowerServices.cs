using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Power;
using Ingot.Power.Redfish;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Hosting;

/// <summary>The power layer's composition.</summary>
public static class PowerServices
{
    /// <summary>The driver registry and the power type catalog Core checks parameters against (every host).</summary>
    public static IServiceCollection AddIngotPower(this IServiceCollection services)
    {
        services.AddSingleton(sp => PowerDrivers.CreateRegistry(
            RedfishSettings(sp.GetService<IConfiguration>()), null, d => new LoggedPowerDriver(d, sp.GetService<ILogger<LoggedPowerDriver>>() ?? NullLogger<LoggedPowerDriver>.Instance)));
        services.AddSingleton(sp => sp.GetRequiredService<PowerDriverRegistry>().Catalog);
        services.AddSingleton<IChassisProber>(sp => new RedfishChassisProber(RedfishSettings(sp.GetService<IConfiguration>())));
        return services;
    }

    /// <summary>
    /// The Redfish driver's settings from configuration: <c>Ingot:Power:Redfish:VerifyCertificates</c>
    /// (environment <c>Ingot__Power__Redfish__VerifyCertificates=true</c>) checks BMC certificates; off by default, as in MAAS.
    /// </summary>
    public static RedfishOptions RedfishSettings(IConfiguration? configuration) => new()
    {
        VerifyCertificates = configuration?.GetValue<bool>("Ingot:Power:Redfish:VerifyCertificates") ?? false,
    };

    /// <summary>
    /// Talking to BMCs (<c>ingot serve</c>): the power client, the queue the API submits operations'
    /// power requests to, the executor that carries them out, the power-state poller, and the query 20 s
    /// after certain transitions (the machine store registered before this call is wrapped so that its
    /// saves are seen: call after <c>AddIngotData</c>).
    /// </summary>
    public static IServiceCollection AddPowerExecution(this IServiceCollection services)
    {
        services.AddSingleton<IPowerClient>(sp => new LoggedPowerClient(
            new PowerClient(sp.GetRequiredService<PowerDriverRegistry>(), new PowerActions(sp.GetRequiredService<TimeProvider>())),
            sp.GetService<ILogger<LoggedPowerClient>>() ?? NullLogger<LoggedPowerClient>.Instance));
        services.AddSingleton<PendingPowerRequests>();
        services.AddSingleton<IPowerRequests>(sp => sp.GetRequiredService<PendingPowerRequests>());
        services.AddHostedService<PowerExecutorService>();
        services.AddHostedService<PowerPollingService>();
        services.AddSingleton<PowerRequeries>();
        DecorateMachineStore(services);
        services.AddHostedService<PowerRequeryService>();
        return services;
    }

    private static void DecorateMachineStore(IServiceCollection services)
    {
        ServiceDescriptor registered = services.LastOrDefault(d => d.ServiceType == typeof(IMachineStore))
            ?? throw new InvalidOperationException("AddPowerExecution needs the machine store registered first (AddIngotData).");
        Func<IServiceProvider, IMachineStore> inner = registered switch
        {
            { ImplementationInstance: IMachineStore instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IMachineStore)factory(sp),
            _ => sp => (IMachineStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        };
        services.Remove(registered);
        services.AddSingleton<IMachineStore>(sp => new RequeryingMachineStore(inner(sp), sp.GetRequiredService<PowerRequeries>()));
    }
}
