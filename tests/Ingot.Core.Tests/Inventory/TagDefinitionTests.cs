using System.Text;
using Ingot.Core.Enlistment;
using Ingot.Core.Inventory;
using Ingot.Core.Tags;

namespace Ingot.Core.Tests.Inventory;

public sealed class TagDefinitionTests
{
    private static readonly HardwareDetails s_details = new(Fixtures.Bytes("lshw-supermicro.xml"), Fixtures.Bytes("lldp-tor.xml"));

    private static bool Matches(string definition, HardwareDetails? details = null) =>
        TagDefinition.Compile(definition).Matches(HardwareDetailsDocument.Merge(details ?? s_details));

    [Theory]
    [InlineData("//node[")]
    [InlineData("//node[@id='cpu'")]
    [InlineData("count(")]
    [InlineData("///")]
    [InlineData("//node[@id=\"unterminated]")]
    public void A_definition_that_is_not_XPath_is_MAAS_field_error_on_definition(string definition)
    {
        var error = Assert.Throws<MachineFormException>(() => TagDefinition.Check(definition));

        string message = Assert.Single(error.Errors["definition"]);
        Assert.StartsWith("Invalid xpath expression: ", message, StringComparison.Ordinal);
        Assert.True(message.Length > "Invalid xpath expression: ".Length);
    }

    [Fact]
    public void An_empty_definition_is_a_manual_tag_and_is_accepted() => TagDefinition.Check("");

    [Theory]
    [InlineData("//node[@id='cpu']", true)]
    [InlineData("//node[@id='cpu']//capability/@id = 'vmx'", true)]
    [InlineData("//node[@id='cpu']//capability/@id = 'svm'", false)]
    [InlineData("//node[@id='memory']/size >= 34359738368", true)]
    [InlineData("//node[@id='memory']/size >= 68719476736", false)]
    [InlineData("//node[@id='cpu']/configuration/setting[@id='cores']/@value >= 6", true)]
    [InlineData("/list/node[@class='system']/vendor = 'Supermicro'", true)] // lshw's root is the document's root
    [InlineData("//lshw:node[@id='cpu']", true)]                              // the lshw copy in its namespace
    [InlineData("//lldp:chassis/lldp:name = 'tor-switch-1'", true)]
    [InlineData("//lldp:chassis/lldp:name = 'tor-switch-2'", false)]
    [InlineData("count(//node[@class='network'])", true)]                     // a non-zero number
    [InlineData("count(//node[@class='display'])", false)]                    // zero
    [InlineData("string(//node[@class='system']/product)", true)]              // a non-empty string
    [InlineData("string(//node[@class='display']/product)", false)]
    [InlineData("//unknown:node", false)]                                    // an unbound prefix fails to evaluate: no match
    [InlineData("frobnicate(//node)", false)]                                // as does an unknown function
    public void A_definition_matches_as_XPath_boolean_over_the_merged_details(string definition, bool expected) =>
        Assert.Equal(expected, Matches(definition));

    [Fact]
    public void Without_lshw_the_root_is_an_empty_list_and_lldp_is_still_there()
    {
        var lldpOnly = new HardwareDetails(null, Fixtures.Bytes("lldp-tor.xml"));

        Assert.False(Matches("//node[@id='cpu']", lldpOnly));
        Assert.True(Matches("/list/lldp:lldp/lldp:interface[@name='eno1']", lldpOnly));
        Assert.False(Matches("//node", HardwareDetails.None));
        Assert.True(Matches("/list", HardwareDetails.None));
    }

    [Fact]
    public void Malformed_details_and_details_with_a_DTD_are_left_out()
    {
        byte[] broken = Encoding.UTF8.GetBytes("<list><node id='cpu'>");
        byte[] entity = Encoding.UTF8.GetBytes("<?xml version='1.0'?><!DOCTYPE list [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><list><node id='cpu'>&x;</node></list>");
        byte[] deep = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<n>", 5000)) + string.Concat(Enumerable.Repeat("</n>", 5000)));

        Assert.False(Matches("//node", new HardwareDetails(broken, null)));
        Assert.False(Matches("//node", new HardwareDetails(entity, null)));
        Assert.False(Matches("//n", new HardwareDetails(deep, null)));
        Assert.True(Matches("//lldp:interface", new HardwareDetails(broken, Fixtures.Bytes("lldp-tor.xml"))));
    }
}
