using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class MachineConfiguration : IEntityTypeConfiguration<Machine>
{
    public void Configure(EntityTypeBuilder<Machine> b)
    {
        b.ToTable("machines");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.SystemId).IsUnique();
        b.HasIndex(m => m.Hostname).IsUnique();
        b.HasIndex(m => new { m.Status, m.StatusExpires });
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.PendingEvents);
        b.Ignore(m => m.PowerParameters);
        b.Ignore(m => m.PowerQueryDue);
        b.Property(m => m.OwnerData).HasConversion(new OwnerDataConverter(), OwnerDataConverter.Comparer);
        b.Property(m => m.HardwareInfo).HasConversion(new OwnerDataConverter(), OwnerDataConverter.Comparer);
        b.Property(m => m.NumaNodes).HasConversion(new JsonColumnConverter<List<NumaNode>>(), JsonColumnConverter<List<NumaNode>>.Comparer);
        b.Property(m => m.NodeDevices).HasConversion(new JsonColumnConverter<List<NodeDevice>>(), JsonColumnConverter<List<NodeDevice>>.Comparer);
        b.Property(m => m.Storage).HasColumnName("storage_groups").HasConversion(new JsonColumnConverter<StorageGroups>(), JsonColumnConverter<StorageGroups>.Comparer);
        b.Property<string>(ShadowColumns.PowerParameters).HasColumnName("power_parameters").IsRequired();
        b.Property<string?>(ShadowColumns.PowerAddress).HasColumnName("power_address");
        b.HasIndex(ShadowColumns.PowerAddress);
        b.HasOne<BmcRow>().WithMany().HasForeignKey(m => m.BmcId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.BlockDevices).WithOne().HasForeignKey(ShadowColumns.MachineId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Interfaces).WithOne().HasForeignKey(ShadowColumns.MachineId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}
