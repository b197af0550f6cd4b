using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class DhcpLeaseConfiguration : IEntityTypeConfiguration<DhcpLeaseRow>
{
    public void Configure(EntityTypeBuilder<DhcpLeaseRow> b)
    {
        b.ToTable("dhcp_leases");
        b.HasKey(l => l.Address);
        b.Property(l => l.Address).HasMaxLength(15);
        b.Property(l => l.Hostname).HasMaxLength(255);
        b.Property(l => l.ClientId).HasMaxLength(255);
        b.HasIndex(l => l.Mac);

        // The other regions' recent leases are read by their start every second (DhcpLeaseStore.ListSinceAsync).
        b.HasIndex(l => l.Starts);
    }
}
