using Ingot.Core.Power;
using Ingot.Power;

namespace Ingot.Hosting;

/// <summary>The power layer's composition.</summary>
public static class PowerServices
{
    /// <summary>The driver registry and the power type catalog Core checks parameters against (every host).</summary>
    public static IServiceCollection AddIngotPower(this IServiceCollection services)
    {
        services.AddSingleton(_ => PowerDrivers.CreateRegistry());
        services.AddSingleton(sp => sp.GetRequiredService<PowerDriverRegistry>().Catalog);
        return services;
    }

    /// <summary>
    /// Talking to BMCs (<c>ingot serve</c>): the power client, the queue the API submits operations'
    /// power requests to, the executor that carries them out, and the power-state poller.
    /// </summary>
    public static IServiceCollection AddPowerExecution(this IServiceCollection services)
    {
        services.AddSingleton<IPowerClient>(sp => new PowerClient(
            sp.GetRequiredService<PowerDriverRegistry>(), new PowerActions(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<PendingPowerRequests>();
        services.AddSingleton<IPowerRequests>(sp => sp.GetRequiredService<PendingPowerRequests>());
        services.AddHostedService<PowerExecutorService>();
        services.AddHostedService<PowerPollingService>();
        return services;
    }
}
