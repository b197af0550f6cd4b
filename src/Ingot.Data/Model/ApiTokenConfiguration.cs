using Ingot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.TokenKey).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Ignore(t => t.TokenSecret);
        b.Property<string>(ShadowColumns.TokenSecret).HasColumnName("token_secret").IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
