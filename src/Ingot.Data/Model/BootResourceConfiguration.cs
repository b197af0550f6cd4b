using Ingot.Core.BootResources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>Boot resources, their sets and files: one resource per type, name and architecture; one set per version.</summary>
internal sealed class BootResourceConfiguration :
    IEntityTypeConfiguration<BootResource>,
    IEntityTypeConfiguration<BootResourceSet>,
    IEntityTypeConfiguration<BootResourceFile>
{
    public void Configure(EntityTypeBuilder<BootResource> b)
    {
        b.ToTable("boot_resources");
        b.HasKey(r => r.Id);
        b.Property(r => r.Type).HasMaxLength(16);
        b.Property(r => r.Name).HasMaxLength(256);
        b.Property(r => r.Architecture).HasMaxLength(256);
        b.Property(r => r.BaseImage).HasMaxLength(256);
        b.Property(r => r.Extra).HasConversion(new OwnerDataConverter(), OwnerDataConverter.Comparer);
        b.HasIndex(r => new { r.Type, r.Name, r.Architecture }).IsUnique();
        b.HasMany(r => r.Sets).WithOne().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.Osystem);
        b.Ignore(r => r.Series);
        b.Ignore(r => r.LatestCompleteSet);
    }

    public void Configure(EntityTypeBuilder<BootResourceSet> b)
    {
        b.ToTable("boot_resource_sets");
        b.HasKey(s => s.Id);
        b.Property(s => s.Version).HasMaxLength(64);
        b.Property(s => s.Label).HasMaxLength(64);
        b.HasIndex(s => new { s.ResourceId, s.Version }).IsUnique();
        b.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.SetId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.Complete);
        b.Ignore(s => s.Size);
        b.Ignore(s => s.Progress);
    }

    public void Configure(EntityTypeBuilder<BootResourceFile> b)
    {
        b.ToTable("boot_resource_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.Filename).HasMaxLength(256);
        b.Property(f => f.FileType).HasMaxLength(64);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasIndex(f => f.Sha256);
        b.Ignore(f => f.FilenameOnDisk);
        b.Ignore(f => f.Progress);
    }
}
