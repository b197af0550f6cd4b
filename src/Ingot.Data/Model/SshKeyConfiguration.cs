using Ingot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ingot.Data.Model;

/// <summary>
/// SSH keys: unique per user by the SHA-256 of the key text (a key can be too long for an index
/// of its own), so two concurrent adds of one key cannot both succeed.
/// </summary>
internal sealed class SshKeyConfiguration : IEntityTypeConfiguration<SshKey>
{
    public void Configure(EntityTypeBuilder<SshKey> b)
    {
        b.ToTable("ssh_keys");
        b.HasKey(k => k.Id);
        b.Property<string>(ShadowColumns.KeyDigest).HasColumnName("key_digest").HasMaxLength(64).IsRequired();
        b.HasIndex(nameof(SshKey.UserId), ShadowColumns.KeyDigest).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
