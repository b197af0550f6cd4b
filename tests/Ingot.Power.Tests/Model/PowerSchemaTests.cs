using Ingot.Core.Power;
using Ingot.Power.Ipmi;
using Ingot.Power.Redfish;
using Ingot.Power.Webhook;

namespace Ingot.Power.Tests.Model;

public sealed class PowerSchemaTests
{
    [Fact]
    public void The_registry_has_maas_four_power_types_in_order()
    {
        PowerDriverRegistry registry = PowerDrivers.CreateRegistry();
        Assert.Equal(["manual", "ipmi", "redfish", "webhook"], registry.Catalog.All.Select(s => s.Name));
        Assert.False(registry.Catalog.Find("manual")!.Queryable);
        Assert.True(registry.Catalog.Find("redfish")!.Chassis);
    }

    [Fact]
    public void Ipmi_fields_carry_maas_defaults()
    {
        PowerTypeSchema ipmi = IpmiSchema.Schema;
        Assert.Equal("LAN_2_0", ipmi.Field("power_driver")!.Default);
        Assert.True(ipmi.Field("power_driver")!.Required);
        Assert.Equal("3", ipmi.Field("cipher_suite_id")!.Default);
        Assert.Equal("OPERATOR", ipmi.Field("privilege_level")!.Default);
        Assert.Equal(["opensesspriv"], ipmi.Field("workaround_flags")!.DefaultChoices);
        Assert.Equal(PowerParameterScope.Node, ipmi.Field("mac_address")!.Scope);
        Assert.True(ipmi.Field("k_g")!.Secret);
        Assert.Equal("IP address", ipmi.Field("power_address")!.Label);
    }

    [Fact]
    public void Secret_fields_are_password_fields()
    {
        PowerTypeSchema[] schemas = [IpmiSchema.Schema, RedfishSchema.Schema, WebhookSchema.Schema];
        Assert.All(schemas.SelectMany(s => s.Fields).Where(f => f.Secret), f => Assert.Equal(PowerFieldTypes.Password, f.FieldType));
        Assert.Equal(["power_pass", "k_g", "power_pass", "power_pass", "power_token"],
            schemas.SelectMany(s => s.Fields).Where(f => f.Secret).Select(f => f.Name));
    }
}
