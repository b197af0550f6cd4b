using Ingot.Core.Hardware;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class BlockDeviceConfiguration : IEntityTypeConfiguration<BlockDevice>
{
    public void Configure(EntityTypeBuilder<BlockDevice> b)
    {
        b.ToTable("block_devices");
        b.HasKey(d => d.Id);
        b.OwnsOne(d => d.Filesystem, f => f.ToTable("block_device_filesystems"));
        b.OwnsMany(d => d.Partitions, p =>
        {
            p.ToTable("partitions");
            p.WithOwner().HasForeignKey(ShadowColumns.BlockDeviceId);
            p.Property<long>("Id");
            p.HasKey("Id");
            p.OwnsOne(x => x.Filesystem, f => f.ToTable("partition_filesystems"));
        });
    }
}
