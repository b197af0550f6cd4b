using Ingot.Core.Hardware;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// Reads machines' disks and interfaces as flat column projections (disks with their filesystem,
/// then partitions; interfaces, then links), each in id order, and builds the Core objects by hand:
/// several times cheaper than materialising owned entity graphs, which matters for a list of
/// 10,000 machines. Every property of the hardware model is read here; the store contract's
/// round-trip tests compare every public property, so one forgotten here fails them.
/// </summary>
internal static class HardwareReads
{
    /// <summary>The machines' disks, each with the id of its machine, in disk id order.</summary>
    public static async Task<List<(long MachineId, BlockDevice Disk)>> DisksAsync(IngotDbContext db, long? single, IQueryable<long>? ids, CancellationToken ct)
    {
        IQueryable<BlockDevice> selected = Of(db.BlockDevices.AsNoTracking(), single, ids);
        var rows = await selected
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                MachineId = EF.Property<long>(d, ShadowColumns.MachineId),
                d.Id,
                d.Name,
                d.Model,
                d.Serial,
                d.SizeBytes,
                d.BlockSize,
                d.IdPath,
                d.FirmwareVersion,
                d.NumaNode,
                d.Tags,
                d.IsBootDisk,
                FsType = (string?)d.Filesystem!.Type,
                FsLabel = d.Filesystem!.Label,
                FsMountPoint = d.Filesystem!.MountPoint,
                FsMountOptions = d.Filesystem!.MountOptions,
            })
            .ToListAsync(ct);
        var partitions = await selected
            .SelectMany(d => d.Partitions, (d, p) => new
            {
                DiskId = d.Id,
                Id = EF.Property<long>(p, "Id"),
                p.SizeBytes,
                p.Bootable,
                FsType = (string?)p.Filesystem!.Type,
                FsLabel = p.Filesystem!.Label,
                FsMountPoint = p.Filesystem!.MountPoint,
                FsMountOptions = p.Filesystem!.MountOptions,
            })
            .OrderBy(p => p.Id)
            .ToListAsync(ct);

        var disks = new List<(long, BlockDevice)>(rows.Count);
        var byId = new Dictionary<long, BlockDevice>(rows.Count);
        foreach (var r in rows)
        {
            var disk = new BlockDevice
            {
                Id = r.Id,
                Name = r.Name,
                Model = r.Model,
                Serial = r.Serial,
                SizeBytes = r.SizeBytes,
                BlockSize = r.BlockSize,
                IdPath = r.IdPath,
                FirmwareVersion = r.FirmwareVersion,
                NumaNode = r.NumaNode,
                Tags = r.Tags,
                IsBootDisk = r.IsBootDisk,
                Filesystem = Filesystem(r.FsType, r.FsLabel, r.FsMountPoint, r.FsMountOptions),
            };
            byId[r.Id] = disk;
            disks.Add((r.MachineId, disk));
        }

        foreach (var p in partitions)
        {
            if (byId.TryGetValue(p.DiskId, out BlockDevice? disk))
            {
                disk.Partitions.Add(new Partition
                {
                    SizeBytes = p.SizeBytes,
                    Bootable = p.Bootable,
                    Filesystem = Filesystem(p.FsType, p.FsLabel, p.FsMountPoint, p.FsMountOptions),
                });
            }
        }

        return disks;
    }

    /// <summary>The machines' interfaces, each with the id of its machine, in interface id order.</summary>
    public static async Task<List<(long MachineId, NetworkInterface Interface)>> InterfacesAsync(IngotDbContext db, long? single, IQueryable<long>? ids, CancellationToken ct)
    {
        IQueryable<NetworkInterface> selected = Of(db.Interfaces.AsNoTracking(), single, ids);
        var rows = await selected
            .OrderBy(i => i.Id)
            .Select(i => new
            {
                MachineId = EF.Property<long>(i, ShadowColumns.MachineId),
                i.Id,
                i.Name,
                i.MacAddress,
                i.Type,
                i.LinkSpeed,
                i.InterfaceSpeed,
                i.LinkConnected,
                i.Enabled,
                i.Vendor,
                i.Product,
                i.FirmwareVersion,
                i.NumaNode,
                i.SriovMaxVf,
                i.Parents,
                i.Vlan,
                i.Tags,
                i.Params,
            })
            .ToListAsync(ct);
        var links = await selected
            .SelectMany(i => i.Links, (i, l) => new { InterfaceId = i.Id, Id = EF.Property<long>(l, "Id"), l.Mode, l.Subnet, l.IpAddress, l.IsDefaultGateway })
            .OrderBy(l => l.Id)
            .ToListAsync(ct);

        var interfaces = new List<(long, NetworkInterface)>(rows.Count);
        var byId = new Dictionary<long, NetworkInterface>(rows.Count);
        foreach (var r in rows)
        {
            var nic = new NetworkInterface
            {
                Id = r.Id,
                Name = r.Name,
                MacAddress = r.MacAddress,
                Type = r.Type,
                LinkSpeed = r.LinkSpeed,
                InterfaceSpeed = r.InterfaceSpeed,
                LinkConnected = r.LinkConnected,
                Enabled = r.Enabled,
                Vendor = r.Vendor,
                Product = r.Product,
                FirmwareVersion = r.FirmwareVersion,
                NumaNode = r.NumaNode,
                SriovMaxVf = r.SriovMaxVf,
                Parents = r.Parents,
                Vlan = r.Vlan,
                Tags = r.Tags,
                Params = r.Params,
            };
            byId[r.Id] = nic;
            interfaces.Add((r.MachineId, nic));
        }

        foreach (var l in links)
        {
            if (byId.TryGetValue(l.InterfaceId, out NetworkInterface? nic))
            {
                nic.Links.Add(new InterfaceLink { Mode = l.Mode, Subnet = l.Subnet, IpAddress = l.IpAddress, IsDefaultGateway = l.IsDefaultGateway });
            }
        }

        return interfaces;
    }

    private static IQueryable<TRow> Of<TRow>(IQueryable<TRow> rows, long? single, IQueryable<long>? ids)
        where TRow : class =>
        single is { } id ? rows.Where(r => EF.Property<long>(r, ShadowColumns.MachineId) == id)
        : ids is not null ? rows.Where(r => ids.Contains(EF.Property<long>(r, ShadowColumns.MachineId)))
        : rows;

    private static Filesystem? Filesystem(string? type, string? label, string? mountPoint, string? mountOptions) =>
        type is null ? null : new Filesystem { Type = type, Label = label ?? "", MountPoint = mountPoint ?? "", MountOptions = mountOptions ?? "" };
}
