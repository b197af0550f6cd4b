namespace Ingot.Core.Inventory;

/// <summary>
/// A disk from <c>resources.storage.disks</c>. <see cref="IdPath"/> and <see cref="Tags"/> are MAAS's
/// (<c>_update_node_physical_block_devices</c>, <c>_get_tags_from_block_info</c>).
/// </summary>
public sealed record InventoryDisk
{
    /// <summary>The kernel name (<c>id</c>), e.g. <c>sda</c>, <c>nvme0n1</c>.</summary>
    public required string Name { get; init; }

    public string Model { get; init; } = "";

    public string Serial { get; init; } = "";

    public long Size { get; init; }

    /// <summary>The logical block size; 0 in the report becomes 512, as MAAS does.</summary>
    public int BlockSize { get; init; } = 512;

    /// <summary><c>nvme</c>, <c>sata</c>, <c>scsi</c>, <c>virtio</c>, <c>cdrom</c>, <c>usb</c>, ...</summary>
    public string Type { get; init; } = "";

    /// <summary>Rotation speed; 0 for flash.</summary>
    public int Rpm { get; init; }

    public bool Removable { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>The <c>/dev/disk/by-path</c> name (<c>device_path</c>).</summary>
    public string DevicePath { get; init; } = "";

    /// <summary>The <c>/dev/disk/by-id</c> name (<c>device_id</c>).</summary>
    public string DeviceId { get; init; } = "";

    public string FirmwareVersion { get; init; } = "";

    public int NumaNode { get; init; }

    public string PciAddress { get; init; } = "";

    public string UsbAddress { get; init; } = "";

    /// <summary>MAAS's id_path: <c>/dev/disk/by-id/&lt;device_id&gt;</c>, or <c>/dev/&lt;name&gt;</c> without a device id or a serial.</summary>
    public string IdPath => DeviceId.Length > 0 && Serial.Length > 0 ? "/dev/disk/by-id/" + DeviceId : "/dev/" + Name;

    /// <summary>Whether MAAS models it: not read-only and not a CD-ROM.</summary>
    public bool IsModelled => !ReadOnly && Type != "cdrom";

    /// <summary>MAAS's block-device tags: <c>rotary</c> and <c>&lt;rpm&gt;rpm</c>, else <c>ssd</c>; <c>removable</c>; <c>sata</c>.</summary>
    public IReadOnlyList<string> Tags
    {
        get
        {
            var tags = new List<string>(4);
            if (Rpm != 0)
            {
                tags.Add("rotary");
                tags.Add($"{Rpm}rpm");
            }
            else
            {
                tags.Add("ssd");
            }

            if (Removable)
            {
                tags.Add("removable");
            }

            if (Type == "sata")
            {
                tags.Add("sata");
            }

            return tags;
        }
    }
}
