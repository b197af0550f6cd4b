using Ingot.Core.BootResources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>Boot sources (unique URL) and their selections (one per os and release on a source, deleted with it).</summary>
internal sealed class BootSourceConfiguration :
    IEntityTypeConfiguration<BootSource>,
    IEntityTypeConfiguration<BootSourceSelection>
{
    public void Configure(EntityTypeBuilder<BootSource> b)
    {
        b.ToTable("boot_sources");
        b.HasKey(s => s.Id);
        b.Property(s => s.Url).HasMaxLength(1024);
        b.HasIndex(s => s.Url).IsUnique();
        b.Property(s => s.KeyringFilename).HasMaxLength(4096);
    }

    public void Configure(EntityTypeBuilder<BootSourceSelection> b)
    {
        b.ToTable("boot_source_selections");
        b.HasKey(s => s.Id);
        b.Property(s => s.Os).HasMaxLength(64);
        b.Property(s => s.Release).HasMaxLength(64);
        b.Property(s => s.Arches).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(s => s.Subarches).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(s => s.Labels).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.HasIndex(s => new { s.BootSourceId, s.Os, s.Release }).IsUnique();
        b.HasOne<BootSource>().WithMany().HasForeignKey(s => s.BootSourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
