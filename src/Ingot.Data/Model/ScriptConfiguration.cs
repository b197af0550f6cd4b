using Ingot.Core.Scripts.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>User scripts (<c>scripts</c>, unique by name) and their versions (<c>script_versions</c>).</summary>
internal sealed class ScriptConfiguration :
    IEntityTypeConfiguration<Script>,
    IEntityTypeConfiguration<ScriptVersion>
{
    public void Configure(EntityTypeBuilder<Script> b)
    {
        b.ToTable("scripts");
        b.HasKey(s => s.RowId);
        b.HasIndex(s => s.Name).IsUnique();
        b.Ignore(s => s.Id);
        b.Ignore(s => s.Default);
        b.Ignore(s => s.Current);
        b.Ignore(s => s.BuiltInId);
        b.Property(s => s.Name).HasMaxLength(255);
        b.Property(s => s.Title).HasMaxLength(255);
        b.Property(s => s.Tags).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(s => s.ForHardware).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.ScriptRowId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScriptVersion> b)
    {
        b.ToTable("script_versions");
        b.HasKey(v => v.RowId);
        b.HasIndex(v => v.ScriptRowId);
    }
}
