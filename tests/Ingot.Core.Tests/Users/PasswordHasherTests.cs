using Ingot.Core.Users;

namespace Ingot.Core.Tests.Users;

public class PasswordHasherTests
{
    [Fact]
    public void A_hash_is_in_Djangos_pbkdf2_sha256_format_with_at_least_600000_iterations()
    {
        string hash = PasswordHasher.Hash("correct horse battery staple");

        string[] parts = hash.Split('$');
        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2_sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 600_000);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.Verify("correct horse battery staple", hash));
        Assert.False(PasswordHasher.NeedsRehash(hash));
    }

    [Fact]
    public void A_hash_computed_elsewhere_with_the_same_salt_and_iterations_verifies()
    {
        // PBKDF2-HMAC-SHA256 computed independently (Python's hashlib.pbkdf2_hmac).
        const string Django = "pbkdf2_sha256$600000$Xy7abcDEF0123456789qwe$nMqCqbO9Jm2szYnq4w67A/wZ70FQHONF4bi9dx+aBXc=";

        Assert.True(PasswordHasher.Verify("correct horse battery staple", Django));
        Assert.False(PasswordHasher.Verify("correct horse battery stapler", Django));
    }

    [Fact]
    public void Encoding_with_a_known_salt_reproduces_the_reference_hash()
    {
        Assert.Equal("pbkdf2_sha256$1$s4lt$ZQ+Zll8cEcW7Bu9cR1qmkmN90GhxEDOfYQpP+MzGLhg=", PasswordHasher.Encode("maas", "s4lt", 1));
    }

    [Fact]
    public void Two_hashes_of_one_password_use_different_salts()
    {
        string first = PasswordHasher.Hash("pw", 1);
        string second = PasswordHasher.Hash("pw", 1);

        Assert.NotEqual(first, second);
        Assert.True(PasswordHasher.Verify("pw", first));
        Assert.True(PasswordHasher.Verify("pw", second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$1$salt$abc")]
    [InlineData("pbkdf2_sha256$notanumber$salt$ZQ+Zll8cEcW7Bu9cR1qmkmN90GhxEDOfYQpP+MzGLhg=")]
    [InlineData("pbkdf2_sha256$1$s4lt$not-base64!")]
    [InlineData("pbkdf2_sha256$1$s4lt$c2hvcnQ=")]
    [InlineData("pbkdf2_sha256$1$$ZQ+Zll8cEcW7Bu9cR1qmkmN90GhxEDOfYQpP+MzGLhg=")]
    public void A_malformed_hash_never_verifies_and_needs_rehash(string encoded)
    {
        Assert.False(PasswordHasher.Verify("maas", encoded));
        Assert.True(PasswordHasher.NeedsRehash(encoded));
    }

    [Fact]
    public void A_hash_with_fewer_iterations_than_the_default_needs_rehash()
    {
        Assert.True(PasswordHasher.NeedsRehash(PasswordHasher.Hash("pw", 1000)));
    }
}
