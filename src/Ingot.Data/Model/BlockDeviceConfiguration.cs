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
    }
}
