using Ingot.Core.Domains;
using Ingot.Core.Enlistment;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;

namespace Ingot.Core.Tests.Placement;

/// <summary>MAAS's name validators for zones, pools, tags and domains, with Django's messages.</summary>
public class NameFormTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("rack 1")]
    [InlineData("north-room_2")]
    [InlineData("zoneé")]
    public void Zone_and_pool_names_follow_MAAS_model_name_rule(string name)
    {
        ZoneForm.Check(name);
        ResourcePoolForm.Check(name);
    }

    [Theory]
    [InlineData("", "This field is required.")]
    [InlineData("-leading-dash", "Enter a valid value.")]
    [InlineData(" leading-space", "Enter a valid value.")]
    [InlineData("a/b", "Enter a valid value.")]
    public void A_bad_zone_or_pool_name_is_a_field_error(string name, string message)
    {
        Assert.Equal([message], Assert.Throws<MachineFormException>(() => ZoneForm.Check(name)).Errors["name"]);
        Assert.Equal([message], Assert.Throws<MachineFormException>(() => ResourcePoolForm.Check(name)).Errors["name"]);
    }

    [Fact]
    public void A_name_longer_than_256_characters_is_refused_with_Django_length_message() =>
        Assert.Equal(
            ["Ensure this value has at most 256 characters (it has 257)."],
            Assert.Throws<MachineFormException>(() => ZoneForm.Check(new string('a', 257))).Errors["name"]);

    [Theory]
    [InlineData("gpu", true)]
    [InlineData("virtual_machine-2", true)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData("é", false)]
    public void Tag_names_are_ascii_letters_digits_underscores_and_dashes(string name, bool valid)
    {
        if (valid)
        {
            TagForm.Check(name);
        }
        else
        {
            Assert.Equal(["Enter a valid value."], Assert.Throws<MachineFormException>(() => TagForm.Check(name)).Errors["name"]);
        }
    }

    [Theory]
    [InlineData("maas", null)]
    [InlineData("lab.example.com.", null)]
    [InlineData("a-b.c", null)]
    [InlineData("-bad.example", "Invalid domain name.")]
    [InlineData("under_score.example", "Domain name contains invalid characters.")]
    [InlineData("double..dot", "Invalid domain name.")]
    public void Domain_names_are_DNS_names_with_MAAS_messages(string name, string? message)
    {
        if (message is null)
        {
            DomainForm.Check(name, null);
        }
        else
        {
            Assert.Equal([message], Assert.Throws<MachineFormException>(() => DomainForm.Check(name, null)).Errors["name"]);
        }
    }

    [Fact]
    public void A_negative_domain_ttl_is_refused() =>
        Assert.Equal(
            ["Ensure this value is greater than or equal to 0."],
            Assert.Throws<MachineFormException>(() => DomainForm.Check("maas", -1)).Errors["ttl"]);
}
