using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class BmcConfiguration : IEntityTypeConfiguration<BmcRow>
{
    public void Configure(EntityTypeBuilder<BmcRow> b)
    {
        b.ToTable("bmcs");
        b.HasKey(x => x.Id);
        b.Property(x => x.PowerType).HasMaxLength(32);
        b.HasIndex(x => new { x.PowerType, x.PowerAddress });
    }
}
