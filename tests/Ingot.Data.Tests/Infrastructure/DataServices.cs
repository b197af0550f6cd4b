using Ingot.Core.Boot;
using Ingot.Core.BootResources;
using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Power;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Ingot.Data.Secrets;
using Ingot.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Data.Tests.Infrastructure;

/// <summary>The stores as the composition root wires them (<see cref="IngotDataServiceCollectionExtensions.AddIngotData"/>).</summary>
public sealed class DataServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DataServices(string connectionString)
    {
        _services = new ServiceCollection().AddIngotData(connectionString).BuildServiceProvider();
    }

    public IngotDatabase Database => _services.GetRequiredService<IngotDatabase>();

    public IMachineStore Machines => _services.GetRequiredService<IMachineStore>();

    /// <summary>A machine store that knows these power types, so BMC-scoped parameters are shared as their drivers declare.</summary>
    public IMachineStore MachinesKnowing(PowerTypeCatalog powerTypes) =>
        new MachineStore(Database, _services.GetRequiredService<SecretsAtRest>(), powerTypes);

    public IUserStore Users => _services.GetRequiredService<IUserStore>();

    public IConfigStore Config => _services.GetRequiredService<IConfigStore>();

    public IZoneStore Zones => _services.GetRequiredService<IZoneStore>();

    public IResourcePoolStore Pools => _services.GetRequiredService<IResourcePoolStore>();

    public IDomainStore Domains => _services.GetRequiredService<IDomainStore>();

    public ITagStore Tags => _services.GetRequiredService<ITagStore>();

    public IHardwareDetailsStore HardwareDetails => _services.GetRequiredService<IHardwareDetailsStore>();

    public Core.Scripts.IScriptResultStore ScriptResults => _services.GetRequiredService<Core.Scripts.IScriptResultStore>();

    public Core.Scripts.Catalog.IScriptStore Scripts => _services.GetRequiredService<Core.Scripts.Catalog.IScriptStore>();

    public INetworkStore Networks => _services.GetRequiredService<INetworkStore>();

    public ISshKeyStore SshKeys => _services.GetRequiredService<ISshKeyStore>();

    public INonceLedger Nonces => _services.GetRequiredService<INonceLedger>();

    public IDhcpLeaseStore DhcpLeases => _services.GetRequiredService<IDhcpLeaseStore>();

    public IBootResourceStore BootResources => _services.GetRequiredService<IBootResourceStore>();

    public IBootSourceStore BootSources => _services.GetRequiredService<IBootSourceStore>();

    public static DataServices Open(string connectionString) => new(connectionString);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
