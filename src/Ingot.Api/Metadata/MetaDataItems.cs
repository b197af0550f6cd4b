using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Config;
using Ingot.Core.HardwareSync;
using Ingot.Core.Machines;
using Ingot.Core.Rendering;
using Ingot.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/meta-data/</c> and its items (<c>MetaDataHandler</c>, anonymous:
/// <c>EnlistMetaDataHandler</c>): instance-id, local-hostname, public-keys, vendor-data, x509.
/// </summary>
internal static class MetaDataItems
{
    public static async Task<ApiResult> HandleAsync(MetadataRequest request, string? item, CancellationToken ct)
    {
        MetadataCaller caller = await request.CallerAsync(ct);
        if (caller.Machine is not { } machine)
        {
            return item switch
            {
                null => MetadataText.List(["instance-id", "local-hostname"]),
                "instance-id" => MetadataText.Text("i-maas-enlistment"),
                "local-hostname" => MetadataText.Text("maas-enlisting-node"),
                "public-keys" => MetadataText.Text(""),
                _ => Unknown(item),
            };
        }

        IReadOnlyList<string> keys = await PublicKeysAsync(request, machine, ct);
        return item switch
        {
            null => MetadataText.List(keys.Count > 0
                ? ["instance-id", "local-hostname", "public-keys", "vendor-data", "x509"]
                : ["instance-id", "local-hostname", "vendor-data", "x509"]),
            "instance-id" => MetadataText.Text(machine.SystemId),
            "local-hostname" => MetadataText.Text($"{machine.Hostname}.{machine.Domain}"),
            "public-keys" => MetadataText.List(keys),
            "vendor-data" => await VendorDataAsync(request, caller, machine, ct),
            "x509" => MetadataText.Text(""),
            _ => Unknown(item),
        };
    }

    private static ApiResult Unknown(string item) => MetadataText.NotFound($"Unknown metadata attribute: {item}");

    /// <summary>
    /// The owner's SSH keys; none while commissioning or testing without <c>enable_ssh</c>
    /// (MAAS withholds them from an ephemeral environment nobody asked to log into).
    /// </summary>
    private static async Task<IReadOnlyList<string>> PublicKeysAsync(MetadataRequest request, Machine machine, CancellationToken ct)
    {
        if (machine.Owner is not { } owner
            || (machine.Status is MachineStatus.Commissioning or MachineStatus.Testing && !machine.EnableSsh)
            || await request.Service<IUserStore>().FindAsync(owner, ct) is not { } user)
        {
            return [];
        }

        return [.. (await request.Service<ISshKeyStore>().ListAsync(user.Id, ct)).Select(k => k.Key)];
    }

    /// <summary>
    /// <c>{"cloud-init": "#cloud-config\n..."}</c> as YAML. Ingot's vendor cloud-config carries only the hardware-sync
    /// job of a machine deployed with <c>enable_hw_sync</c> (<see cref="HardwareSyncJob"/>); it is empty otherwise
    /// (MAAS's also carries NTP, rsyslog and VM-host settings, which Ingot does not manage yet).
    /// </summary>
    private static async Task<ApiResult> VendorDataAsync(MetadataRequest request, MetadataCaller caller, Machine machine, CancellationToken ct)
    {
        string cloudConfig = "#cloud-config\n{}\n";
        if (machine.EnableHwSync && caller.Token is { } token)
        {
            string interval = await request.Service<IConfigStore>().GetAsync(ConfigSettings.HardwareSyncIntervalName, ct) ?? SyncInterval.Default;
            cloudConfig = HardwareSyncJob.CloudConfig(machine, token, $"{request.BaseUrl}/MAAS/metadata/", interval);
        }

        return ApiResult.Bytes(
            StatusCodes.Status200OK,
            "application/x-yaml; charset=utf-8",
            Encoding.UTF8.GetBytes("cloud-init: " + YamlText.Quote(cloudConfig) + "\n"));
    }
}
