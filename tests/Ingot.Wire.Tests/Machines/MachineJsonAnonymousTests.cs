using System.Text.Json;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

public class MachineJsonAnonymousTests
{
    [Fact]
    public void An_anonymous_caller_sees_only_maas_anonymous_fields()
    {
        var machine = SampleMachines.Rich();

        JsonElement json = JsonDocument.Parse(MachineJson.RenderAnonymous(machine, SampleMachines.Context(machine))).RootElement;

        Assert.Equal(
            ["system_id", "hostname", "domain", "fqdn", "architecture", "status", "power_type", "power_state", "zone", "status_action", "status_message", "status_name", "node_type", "resource_uri"],
            Rendered.Keys(json));
        Assert.Equal("calm-cod.sample", json.GetProperty("fqdn").GetString());
        Assert.Equal("Allocated", json.GetProperty("status_name").GetString());
        Assert.Equal("/MAAS/api/2.0/machines/thr3am/", json.GetProperty("resource_uri").GetString());
        Assert.Equal("""{"name":"zone-north","description":"North hall","id":2}""", json.GetProperty("zone").GetRawText());
        Assert.False(json.GetProperty("domain").TryGetProperty("resource_uri", out _));
        Assert.Equal(1, json.GetProperty("domain").GetProperty("id").GetInt64());
    }
}
