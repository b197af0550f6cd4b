using Ingot.Core.Networks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>
/// The network model's tables. References are plain id columns with foreign keys (no navigations):
/// Core works on whole snapshots. CIDRs are unique, a VID is unique within its fabric, an address is
/// allocated once. Fabric 0 with its untagged VLAN 5001 is MAAS's default (inserted by the migration).
/// </summary>
internal sealed class NetworkConfiguration :
    IEntityTypeConfiguration<Fabric>,
    IEntityTypeConfiguration<Vlan>,
    IEntityTypeConfiguration<Space>,
    IEntityTypeConfiguration<Subnet>,
    IEntityTypeConfiguration<IpRange>,
    IEntityTypeConfiguration<StaticIpAddress>,
    IEntityTypeConfiguration<NetworkState>
{
    public void Configure(EntityTypeBuilder<Fabric> b)
    {
        b.ToTable("fabrics");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(256);
        b.HasIndex(f => f.Name).IsUnique();
        b.Ignore(f => f.DisplayName);
        b.Ignore(f => f.IsDefault);
    }

    public void Configure(EntityTypeBuilder<Vlan> b)
    {
        b.ToTable("vlans");
        b.HasKey(v => v.Id);
        b.Property(v => v.Name).HasMaxLength(256);
        b.HasIndex(v => new { v.FabricId, v.Vid }).IsUnique();
        b.HasOne<Fabric>().WithMany().HasForeignKey(v => v.FabricId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vlan>().WithMany().HasForeignKey(v => v.RelayVlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Space>().WithMany().HasForeignKey(v => v.SpaceId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Space> b)
    {
        b.ToTable("spaces");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(256);
        b.HasIndex(s => s.Name).IsUnique();
        b.Ignore(s => s.DisplayName);
    }

    public void Configure(EntityTypeBuilder<Subnet> b)
    {
        b.ToTable("subnets");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(256);
        b.Property(s => s.Cidr).HasMaxLength(64);
        b.HasIndex(s => s.Cidr).IsUnique();
        b.HasOne<Vlan>().WithMany().HasForeignKey(s => s.VlanId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Network);
    }

    public void Configure(EntityTypeBuilder<IpRange> b)
    {
        b.ToTable("ip_ranges");
        b.HasKey(r => r.Id);
        b.Property(r => r.Comment).HasMaxLength(255);
        b.HasOne<Subnet>().WithMany().HasForeignKey(r => r.SubnetId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.TypeName);
    }

    public void Configure(EntityTypeBuilder<StaticIpAddress> b)
    {
        b.ToTable("static_ip_addresses");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.Ip).IsUnique();
        b.HasIndex(a => a.InterfaceId);
        b.HasOne<Subnet>().WithMany().HasForeignKey(a => a.SubnetId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.AllocTypeName);
    }

    public void Configure(EntityTypeBuilder<NetworkState> b)
    {
        b.ToTable("network_state");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
