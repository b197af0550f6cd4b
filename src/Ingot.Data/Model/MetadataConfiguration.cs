using Ingot.Core.Metadata;
using Ingot.Core.Scripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>Machines' metadata tokens, script sets and script results.</summary>
internal sealed class MetadataConfiguration :
    IEntityTypeConfiguration<MachineToken>,
    IEntityTypeConfiguration<ScriptSet>,
    IEntityTypeConfiguration<ScriptResult>
{
    public void Configure(EntityTypeBuilder<MachineToken> b)
    {
        b.ToTable("machine_tokens");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.SystemId).IsUnique();
        b.HasIndex(t => t.TokenKey).IsUnique();
        b.Ignore(t => t.TokenSecret);
        b.Property<string>(ShadowColumns.TokenSecret).HasColumnName("token_secret").IsRequired();
    }

    public void Configure(EntityTypeBuilder<ScriptSet> b)
    {
        b.ToTable("script_sets");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.SystemId, s.Kind, s.Run }).IsUnique();
        b.Ignore(s => s.Status);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.Results).WithOne().HasForeignKey(r => r.ScriptSetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScriptResult> b)
    {
        b.ToTable("script_results");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ScriptSetId);
    }
}
