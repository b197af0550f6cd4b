using Ingot.Core.Domains;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>Zones, resource pools, domains and tags: each a table with a unique name.</summary>
internal sealed class PlacementConfiguration :
    IEntityTypeConfiguration<Zone>,
    IEntityTypeConfiguration<ResourcePool>,
    IEntityTypeConfiguration<Domain>,
    IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.ToTable("zones");
        b.HasKey(z => z.Id);
        b.Property(z => z.Name).HasMaxLength(256);
        b.HasIndex(z => z.Name).IsUnique();
        b.Ignore(z => z.IsDefault);
    }

    public void Configure(EntityTypeBuilder<ResourcePool> b)
    {
        b.ToTable("resource_pools");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(256);
        b.HasIndex(p => p.Name).IsUnique();
        b.Ignore(p => p.IsDefault);
    }

    public void Configure(EntityTypeBuilder<Domain> b)
    {
        b.ToTable("domains");
        b.HasKey(d => d.Id);
        b.Property(d => d.Name).HasMaxLength(256);
        b.HasIndex(d => d.Name).IsUnique();
        b.Ignore(d => d.IsDefault);
    }

    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.ToTable("tags");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(256);
        b.HasIndex(t => t.Name).IsUnique();
    }
}
