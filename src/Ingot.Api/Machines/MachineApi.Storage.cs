using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    private const string StorageLayoutDoc = """
        Change the storage layout of a machine.

        Only on a Ready machine; the layout replaces the whole storage configuration.

        :param storage_layout: flat, lvm, bcache or blank (vmfs6, vmfs7 and custom are refused).
        :type storage_layout: unicode
        :param boot_size: Size of the boot partition (bytes, with K/M/G/T suffix, or a percentage).
        :type boot_size: unicode
        :param root_size: Size of the root partition.
        :type root_size: unicode
        :param root_device: The block device on which to place the root partition.
        :type root_device: unicode
        :param vg_name: LVM only. Name of the created volume group (default vgroot).
        :type vg_name: unicode
        :param lv_name: LVM only. Name of the created logical volume (default lvroot).
        :type lv_name: unicode
        :param lv_size: LVM only. Size of the created logical volume.
        :type lv_size: unicode
        :param cache_device: Bcache only. Physical block device to use as the cache device (default: the smallest SSD).
        :type cache_device: unicode
        :param cache_mode: Bcache only. Cache mode: writeback, writethrough (default), writearound.
        :type cache_mode: unicode
        :param cache_size: Bcache only. Size of the cache partition (default: the whole cache device).
        :type cache_size: unicode
        :param cache_no_part: Bcache only. Use the whole cache device without a partition.
        :type cache_no_part: boolean
        """;

    /// <summary><c>set_storage_layout</c>: admin, READY only (409), 400 with MAAS's field errors when the layout does not fit the disks.</summary>
    private static async Task<ApiResult> SetStorageLayoutAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters p = request.Parameters;
        var layout = new StorageLayoutRequest(
            p.Get("storage_layout"), p.Get("boot_size"), p.Get("root_size"), p.Get("root_device"), p.Get("vg_name"), p.Get("lv_name"), p.Get("lv_size"),
            p.Get("cache_device"), p.Get("cache_mode"), p.Get("cache_size"), p.Get("cache_no_part"));
        Machine machine = await request.Service<StorageEditing>().SetLayoutAsync(request.Caller, SystemId(request), layout, ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }
}
