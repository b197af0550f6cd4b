using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Tests.Hosting;

/// <summary><c>AddPowerExecution</c> over the real composition: the registered machine store is wrapped, so the 20 s re-query sees every save.</summary>
public sealed class PowerServicesTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingot-power-services-");

    [Fact]
    public async Task The_machine_store_is_wrapped_and_a_saved_transition_is_noted()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var location = new DataLocation(_data.FullName, $"Data Source={Path.Combine(_data.FullName, "ingot.db")}");
        IServiceCollection services = IngotState.AddServices(new ServiceCollection().AddLogging(), location);
        services.AddPowerExecution();
        await using ServiceProvider provider = services.BuildServiceProvider();
        await IngotState.MigrateAsync(provider, ct);

        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        Assert.IsType<RequeryingMachineStore>(store);
        Assert.Single(provider.GetServices<IMachineStore>());

        Machine machine = Machine.Create("req001", "req001", TimeProvider.System.GetUtcNow().UtcDateTime);
        machine.PowerType = "ipmi";
        machine.PowerParameters = new() { ["power_address"] = "127.0.0.1:9" };
        Assert.True(machine.PowerQueryDue);
        await store.AddAsync(machine, ct);

        Assert.False(machine.PowerQueryDue);
        Assert.NotNull(await store.FindAsync("req001", ct));
    }

    public void Dispose() => _data.Delete(recursive: true);
}
