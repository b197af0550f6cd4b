using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>An API host whose machine store is wrapped in an <see cref="InterferingMachineStore"/>.</summary>
public sealed class InterferingStoreHost() : ApiHost(Wrap)
{
    public InterferingMachineStore Store => (InterferingMachineStore)Services.GetRequiredService<IMachineStore>();

    private static void Wrap(IServiceCollection services)
    {
        ServiceDescriptor registered = services.Last(d => d.ServiceType == typeof(IMachineStore));
        services.Remove(registered);
        services.AddSingleton<IMachineStore>(sp => new InterferingMachineStore(registered switch
        {
            { ImplementationInstance: IMachineStore instance } => instance,
            { ImplementationFactory: { } factory } => (IMachineStore)factory(sp),
            _ => (IMachineStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        }));
    }
}
