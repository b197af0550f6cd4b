using Ingot.Power;

namespace Ingot.Hosting;

/// <summary>The power layer's composition: the driver registry and the power type catalog Core checks parameters against.</summary>
public static class PowerServices
{
    public static IServiceCollection AddIngotPower(this IServiceCollection services)
    {
        services.AddSingleton(_ => PowerDrivers.CreateRegistry());
        services.AddSingleton(sp => sp.GetRequiredService<PowerDriverRegistry>().Catalog);
        return services;
    }
}
