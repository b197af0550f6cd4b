using Ingot.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class HardwareDetailConfiguration : IEntityTypeConfiguration<HardwareDetailRow>
{
    public void Configure(EntityTypeBuilder<HardwareDetailRow> b)
    {
        b.ToTable("hardware_details");
        b.HasKey(d => new { d.MachineId, d.Name });
        b.Property(d => d.Name).HasMaxLength(32);
        b.HasOne<Machine>().WithMany().HasForeignKey(d => d.MachineId).OnDelete(DeleteBehavior.Cascade);
    }
}
