using Ingot.Core.Boot;
using Ingot.Core.Curtin;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.NetworkConfig;
using Ingot.Core.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Machines;

/// <summary>
/// Gathers what the curtin configuration is made of (the network model, the machine's token, the image the
/// machine deploys) and renders it with <see cref="CurtinDocument"/>: the document of <c>op=get_curtin_config</c>
/// and of the metadata API's <c>curtin/&lt;ver&gt;/user-data</c>.
/// </summary>
internal static class CurtinConfig
{
    public static async Task<string> RenderAsync(IServiceProvider services, Machine machine, string baseUrl, CancellationToken ct)
    {
        NetworkModel model = await services.GetRequiredService<NetworkOperations>().LoadAsync(ct);
        DeployedNetwork network = DeployedNetwork.From(machine.Interfaces, model, [], machine.Domain);
        MachineToken? token = await services.GetRequiredService<IMachineTokenStore>().FindForMachineAsync(machine.SystemId, ct);
        CurtinSource? source = null;
        if (services.GetService<IBootImageCatalog>() is { } images
            && await images.FindAsync(machine.Osystem, machine.DistroSeries, machine.Architecture, ct) is { } image)
        {
            source = CurtinSource.For(image, baseUrl);
        }

        string kernel = machine.Osystem == "ubuntu" ? "linux-generic" : "";
        return CurtinDocument.Render(new CurtinDocumentInput(machine, network, source, baseUrl, token, kernel));
    }
}
