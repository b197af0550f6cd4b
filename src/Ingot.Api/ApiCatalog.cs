using Ingot.Api.Account;
using Ingot.Api.BootResources;
using Ingot.Api.Config;
using Ingot.Api.Domains;
using Ingot.Api.Events;
using Ingot.Api.Machines;
using Ingot.Api.Networks;
using Ingot.Api.Nodes;
using Ingot.Api.RackControllers;
using Ingot.Api.ResourcePools;
using Ingot.Api.Scripts;
using Ingot.Api.SshKeys;
using Ingot.Api.Tags;
using Ingot.Api.Users;
using Ingot.Api.Version;
using Ingot.Api.Wire;
using Ingot.Api.Zones;

namespace Ingot.Api;

/// <summary>
/// The resources Ingot serves under <c>/MAAS/api/2.0/</c>. A new resource is one static class with an
/// <see cref="ApiResource"/> property, listed here.
/// </summary>
public static class ApiCatalog
{
    public static IReadOnlyList<ApiResource> Resources { get; } =
    [
        VersionApi.Resource,
        UsersApi.Resource,
        UserApi.Resource,
        AccountApi.Resource,
        MachinesApi.Resource,
        MachineApi.Resource,
        NodesApi.Resource,
        NodeApi.Resource,
        NodeInterfacesApi.Resource,
        NodeInterfaceApi.Resource,
        NodeBlockDevicesApi.Resource,
        NodeDevicesApi.Collection,
        NodeDevicesApi.Item,
        Storage.NodeBlockDeviceApi.Resource, Storage.NodePartitionsApi.Resource, Storage.NodePartitionApi.Resource, Storage.NodePartitionApi.PluralResource,
        Storage.VolumeGroupsApi.Resource, Storage.VolumeGroupApi.Resource, Storage.VolumeGroupApi.PluralResource, Storage.RaidsApi.Resource, Storage.RaidApi.Resource,
        Storage.BcacheCacheSetsApi.Resource, Storage.BcacheCacheSetApi.Resource, Storage.BcachesApi.Resource, Storage.BcacheApi.Resource,
        NodeScriptResultsApi.Collection,
        NodeScriptResultsApi.Item,
        SshKeysApi.Resource,
        SshKeyApi.Resource,
        ZonesApi.Resource,
        ZoneApi.Resource,
        ResourcePoolsApi.Resource,
        ResourcePoolApi.Resource,
        DomainsApi.Resource,
        DomainApi.Resource,
        TagsApi.Resource,
        TagApi.Resource,
        EventsApi.Resource,
        MaasApi.Resource,
        RackControllersApi.Resource,
        BootResourcesApi.Resource,
        BootResourceApi.Resource,
        BootResourceFileUploadApi.Resource,
        BootSourcesApi.Resource,
        BootSourceApi.Resource,
        BootSourceSelectionsApi.Resource,
        BootSourceSelectionApi.Resource,
        SpacesApi.Resource,
        SpaceApi.Resource,
        FabricsApi.Resource,
        FabricApi.Resource,
        VlansApi.Resource,
        VlanApi.Resource,
        VlanApi.ByIdResource,
        SubnetsApi.Resource,
        SubnetApi.Resource,
        SubnetApi.ByCidrResource,
        IpRangesApi.Resource,
        IpRangeApi.Resource,
        IpAddressesApi.Resource,
        ScriptsApi.Resource,
        ScriptApi.Resource,
    ];
}
