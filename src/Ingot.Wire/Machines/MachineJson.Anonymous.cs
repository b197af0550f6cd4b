using System.Buffers;
using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

public static partial class MachineJson
{
    /// <summary>
    /// The machine as an anonymous caller sees it (enlistment's create response): MAAS's
    /// <c>DISPLAYED_ANON_MACHINE_FIELDS</c> plus <c>resource_uri</c>. The nested zone and domain come from
    /// MAAS's anonymous handlers, which define no <c>resource_uri</c>, so they have none here either
    /// (maas-api.md §5 marks this "not verified at runtime").
    /// </summary>
    public static void WriteAnonymous(Utf8JsonWriter writer, Machine machine, MachineJsonContext context)
    {
        MachineJsonContext.Fragments fragments = context.Rendered;
        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteString("hostname"u8, machine.Hostname);
        DomainInfo domain = fragments.DomainInfos.GetValueOrDefault(machine.Domain) ?? new DomainInfo(0, machine.Domain);
        writer.WriteStartObject("domain"u8);
        writer.WriteBoolean("authoritative"u8, domain.Authoritative);
        ResourceJson.WriteNullable(writer, "ttl"u8, domain.Ttl);
        writer.WriteBoolean("is_default"u8, domain.IsDefault);
        writer.WriteNumber("resource_record_count"u8, domain.ResourceRecordCount);
        writer.WriteNumber("id"u8, domain.Id);
        writer.WriteString("name"u8, domain.Name);
        writer.WriteEndObject();
        writer.WriteString("fqdn"u8, $"{machine.Hostname}.{machine.Domain}");
        writer.WriteString("architecture"u8, BlockDeviceJson.NullIfEmpty(machine.Architecture));
        writer.WriteNumber("status"u8, (int)machine.Status);
        writer.WriteString("power_type"u8, machine.PowerType);
        writer.WriteString("power_state"u8, PowerStateName(machine.PowerState));
        ZoneInfo zone = fragments.ZoneInfos.GetValueOrDefault(machine.Zone) ?? new ZoneInfo(0, machine.Zone, "");
        writer.WriteStartObject("zone"u8);
        writer.WriteString("name"u8, zone.Name);
        writer.WriteString("description"u8, zone.Description);
        writer.WriteNumber("id"u8, zone.Id);
        writer.WriteEndObject();
        WriteStatusEvent(writer, context.LatestEvents.GetValueOrDefault(machine.SystemId));
        writer.WriteString("status_name"u8, machine.Status.Label());
        writer.WriteNumber("node_type"u8, 0);
        ResourceUris.WriteMachine(writer, machine.SystemId);
        writer.WriteEndObject();
    }

    /// <summary>The anonymous machine as UTF-8 JSON bytes.</summary>
    public static byte[] RenderAnonymous(Machine machine, MachineJsonContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteAnonymous(writer, machine, context);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
