using Ingot.Api.Account;
using Ingot.Api.Machines;
using Ingot.Api.Nodes;
using Ingot.Api.Users;
using Ingot.Api.Version;
using Ingot.Api.Wire;

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
        NodeInterfacesApi.Resource,
        NodeBlockDevicesApi.Resource,
    ];
}
