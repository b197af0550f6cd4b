using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

internal sealed class OAuthNonceConfiguration : IEntityTypeConfiguration<OAuthNonce>
{
    public const string Table = "oauth_nonces";

    public void Configure(EntityTypeBuilder<OAuthNonce> b)
    {
        b.ToTable(Table);
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.ConsumerKey, n.TokenKey, n.Nonce }).IsUnique();
        b.HasIndex(n => n.Timestamp);
    }
}
