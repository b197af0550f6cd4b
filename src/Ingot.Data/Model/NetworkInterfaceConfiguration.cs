using Ingot.Core.Hardware;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class NetworkInterfaceConfiguration : IEntityTypeConfiguration<NetworkInterface>
{
    public void Configure(EntityTypeBuilder<NetworkInterface> b)
    {
        b.ToTable("interfaces");
        b.HasKey(i => i.Id);
        b.HasIndex(i => i.MacAddress);
        b.Property(i => i.Params).HasConversion(new JsonColumnConverter<InterfaceParams>(), JsonColumnConverter<InterfaceParams>.Comparer);
        b.OwnsMany(i => i.Links, l =>
        {
            l.ToTable("interface_links");
            l.WithOwner().HasForeignKey(ShadowColumns.InterfaceId);
            l.Property<long>("Id");
            l.HasKey("Id");
        });
    }
}
