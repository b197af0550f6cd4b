using Ingot.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class MachineEventConfiguration : IEntityTypeConfiguration<MachineEvent>
{
    public void Configure(EntityTypeBuilder<MachineEvent> b)
    {
        b.ToTable("events");
        b.HasKey(e => e.Id);
        b.Property<string>(ShadowColumns.SystemId).HasColumnName("system_id").IsRequired();
        b.HasIndex(ShadowColumns.SystemId, nameof(MachineEvent.Id));
    }
}
