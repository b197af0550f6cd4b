using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// The machine object, key by key in the order of maas-api.md §5.1. Fields Core has no data for yet
/// are written as MAAS writes "nothing", with the right JSON kind: <c>swap_size</c>,
/// <c>address_ttl</c>, <c>parent</c>, <c>pod</c>, <c>virtualmachine_id</c> are null; the three <c>current_*_result_id</c>,
/// <c>testing_status</c> and the per-hardware test statuses come from <see cref="MachineJsonContext.ScriptSets"/>; the hardware-sync fields are the
/// machine's (<see cref="HardwareSyncJson"/>); <c>owner_data</c> and <c>workload_annotations</c> both show the machine's owner data;
/// <c>special_filesystems</c> is []; <c>ephemeral_deploy</c> is the machine's (set by a deployment to memory,
/// cleared by release); <c>disable_ipv4</c>, <c>enable_kernel_crash_dump</c> and <c>is_dpu</c> are false; <c>hardware_info</c>
/// keys commissioning did not report are "Unknown"; <c>status_action</c> is "" when there is an event (Core's events carry
/// no action) and null when there is none.
/// </summary>
public static partial class MachineJson
{
    internal static void WriteMachine(Utf8JsonWriter writer, Machine machine, MachineJsonContext context, ConstraintsByType? constraints, RenderedParts parts)
    {
        MachineJsonContext.Fragments fragments = context.Rendered;
        string systemId = machine.SystemId;
        BlockDevice? bootDisk = BootDisk(machine);
        NetworkInterface? bootInterface = BootInterface(machine);
        RenderParts(machine, context, bootDisk, parts);
        int disksStart = machine.Interfaces.Count;

        writer.WriteStartObject();
        writer.WriteString("system_id"u8, systemId);
        writer.WriteString("hostname"u8, machine.Hostname);
        writer.WriteString("description"u8, machine.Description);
        writer.WriteString("hardware_uuid"u8, BlockDeviceJson.NullIfEmpty(machine.HardwareUuid));
        writer.WritePropertyName("domain"u8);
        if (!WriteFragment(writer, fragments.Domains, machine.Domain))
        {
            ResourceJson.WriteDomain(writer, new DomainInfo(0, machine.Domain));
        }

        writer.WriteString("fqdn"u8, $"{machine.Hostname}.{machine.Domain}");
        writer.WriteString("owner"u8, machine.Owner);
        WriteOwnerData(writer, "owner_data"u8, machine);
        writer.WriteBoolean("locked"u8, machine.Locked);
        WriteIncomplete(writer, "cache_sets"u8, machine.SystemId, machine.Storage.CacheSets.Select(c => c.Id));
        WriteIncomplete(writer, "bcaches"u8, machine.SystemId, machine.Storage.Bcaches.Select(b => b.Id));
        writer.WriteString("bios_boot_method"u8, BlockDeviceJson.NullIfEmpty(machine.BiosBootMethod));
        writer.WritePropertyName("boot_interface"u8);
        if (bootInterface is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(parts[machine.Interfaces.IndexOf(bootInterface)], skipInputValidation: true);
        }

        writer.WriteString("architecture"u8, BlockDeviceJson.NullIfEmpty(machine.Architecture));
        writer.WriteString("min_hwe_kernel"u8, BlockDeviceJson.NullIfEmpty(machine.MinHweKernel));
        writer.WriteString("hwe_kernel"u8, BlockDeviceJson.NullIfEmpty(machine.HweKernel));
        writer.WriteNumber("cpu_count"u8, machine.CpuCount);
        writer.WriteNumber("cpu_speed"u8, machine.CpuSpeed);
        writer.WriteNumber("memory"u8, machine.Memory);
        writer.WriteNull("swap_size"u8);
        WritePythonFloat(writer, "storage"u8, StorageMegabytes(machine));
        writer.WriteNumber("status"u8, (int)machine.Status);
        writer.WriteString("osystem"u8, machine.Osystem);
        writer.WriteString("distro_series"u8, machine.DistroSeries);
        writer.WriteBoolean("ephemeral_deploy"u8, machine.EphemeralDeploy);
        writer.WriteString("error_description"u8, machine.ErrorDescription);
        writer.WriteBoolean("netboot"u8, machine.Netboot);
        writer.WriteString("power_type"u8, machine.PowerType);
        writer.WriteString("power_state"u8, PowerStateName(machine.PowerState));
        ResourceJson.WriteStrings(writer, "tag_names"u8, machine.Tags);
        writer.WriteNull("address_ttl"u8);
        WriteIpAddresses(writer, machine);
        WriteParts(writer, "interface_set"u8, parts, 0, machine.Interfaces.Count);
        writer.WritePropertyName("zone"u8);
        if (!WriteFragment(writer, fragments.Zones, machine.Zone))
        {
            ResourceJson.WriteZone(writer, new ZoneInfo(0, machine.Zone, ""));
        }

        writer.WritePropertyName("pool"u8);
        if (!WriteFragment(writer, fragments.Pools, machine.Pool))
        {
            ResourceJson.WritePool(writer, new PoolInfo(0, machine.Pool, ""));
        }

        writer.WriteBoolean("disable_ipv4"u8, false);
        if (constraints is not null)
        {
            writer.WritePropertyName("constraints_by_type"u8);
            constraints.Write(writer);
        }

        writer.WritePropertyName("boot_disk"u8);
        if (bootDisk is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(parts[disksStart + machine.BlockDevices.IndexOf(bootDisk)], skipInputValidation: true);
        }

        // Every disk in Core is physical, so the two sets are the same list.
        WriteParts(writer, "blockdevice_set"u8, parts, disksStart, machine.BlockDevices.Count, machine);
        WriteParts(writer, "physicalblockdevice_set"u8, parts, disksStart, machine.BlockDevices.Count);
        WriteParts(writer, "virtualblockdevice_set"u8, parts, 0, 0, machine);
        WriteIncomplete(writer, "volume_groups"u8, machine.SystemId, machine.Storage.VolumeGroups.Select(v => v.Id));
        WriteIncomplete(writer, "raids"u8, machine.SystemId, machine.Storage.Raids.Select(r => r.Id));
        WriteStatusEvent(writer, context.LatestEvents.GetValueOrDefault(systemId));
        writer.WriteString("status_name"u8, machine.Status.Label());
        writer.WriteNumber("node_type"u8, 0);
        writer.WriteString("node_type_name"u8, "Machine"u8);
        WriteEmptyArray(writer, "special_filesystems"u8);
        writer.WriteNull("parent"u8);
        writer.WriteNull("pod"u8);
        DefaultGateways.Write(writer, machine, bootInterface, fragments);
        CurrentScriptSets sets = context.ScriptSets.GetValueOrDefault(systemId) ?? CurrentScriptSets.None;
        WriteId(writer, "current_commissioning_result_id"u8, sets.Commissioning);
        WriteId(writer, "current_testing_result_id"u8, sets.Testing);
        WriteId(writer, "current_installation_result_id"u8, sets.Installation);
        ScriptStatusJson.Write(writer, "commissioning_status"u8, "commissioning_status_name"u8, sets.CommissioningStatus);
        ScriptStatusJson.Write(writer, "testing_status"u8, "testing_status_name"u8, sets.TestingStatus);
        HardwareTestStatuses hardware = sets.Hardware ?? HardwareTestStatuses.None;
        ScriptStatusJson.Write(writer, "cpu_test_status"u8, "cpu_test_status_name"u8, hardware.Cpu);
        ScriptStatusJson.Write(writer, "memory_test_status"u8, "memory_test_status_name"u8, hardware.Memory);
        ScriptStatusJson.Write(writer, "network_test_status"u8, "network_test_status_name"u8, hardware.Network);
        ScriptStatusJson.Write(writer, "storage_test_status"u8, "storage_test_status_name"u8, hardware.Storage);
        ScriptStatusJson.Write(writer, "other_test_status"u8, "other_test_status_name"u8, hardware.Other);
        HardwareInfoJson.Write(writer, machine);
        // MAAS computes interface_test_status over the same network results.
        ScriptStatusJson.Write(writer, "interface_test_status"u8, "interface_test_status_name"u8, hardware.Network);
        NumaNodeJson.Write(writer, machine);
        writer.WriteNull("virtualmachine_id"u8);
        WriteOwnerData(writer, "workload_annotations"u8, machine);
        HardwareSyncJson.Write(writer, machine);
        writer.WriteBoolean("enable_kernel_crash_dump"u8, false);
        writer.WriteBoolean("is_dpu"u8, false);
        ResourceUris.WriteMachine(writer, systemId);
        writer.WriteEndObject();
    }

    /// <summary>The disk flagged as boot disk, else the first (MAAS's <c>get_boot_disk</c>: first physical by id).</summary>
    internal static BlockDevice? BootDisk(Machine machine) =>
        machine.BlockDevices.Find(d => d.IsBootDisk) ?? (machine.BlockDevices.Count > 0 ? machine.BlockDevices[0] : null);

    /// <summary>MAAS's <c>get_boot_interface</c> (Core's: the recorded boot interface, else the first physical; commissioning's initial AUTO link uses it too).</summary>
    internal static NetworkInterface? BootInterface(Machine machine) => machine.BootInterface;

    /// <summary>MAAS's <c>storage</c>: the physical disks' bytes in MB, computed as Python's <c>size / 1000 / 1000</c>.</summary>
    internal static double StorageMegabytes(Machine machine)
    {
        long total = 0;
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            total += disk.SizeBytes;
        }

        return (double)total / 1000 / 1000;
    }

    private static void WriteId(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? id)
    {
        if (id is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>MAAS's spelling of a power state: on, off, unknown or error.</summary>
    public static string PowerStateName(PowerState state) => state switch
    {
        PowerState.On => "on",
        PowerState.Off => "off",
        PowerState.Error => "error",
        _ => "unknown",
    };

    /// <summary>A float as Python's <c>repr</c> prints it: shortest round-trip digits, always with a fraction (<c>0.0</c>).</summary>
    private static void WritePythonFloat(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture);
        if (text[..written].IndexOfAny(".Ee"u8) < 0)
        {
            ".0"u8.CopyTo(text[written..]);
            written += 2;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(text[..written], skipInputValidation: true);
    }

    /// <summary>Renders the interfaces, then the disks, once each into <paramref name="parts"/> (numbered in that order).</summary>
    private static void RenderParts(Machine machine, MachineJsonContext context, BlockDevice? bootDisk, RenderedParts parts)
    {
        parts.Clear();
        foreach (NetworkInterface nic in machine.Interfaces)
        {
            InterfaceJson.Write(parts.Writer, machine, nic, context);
            parts.EndPart();
        }

        long overhead = StorageFacts.TableOverhead(machine);
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            BlockDeviceJson.Write(parts.Writer, machine, disk, ReferenceEquals(disk, bootDisk), overhead);
            parts.EndPart();
        }
    }

    /// <summary>The rendered parts, then (with <paramref name="virtuals"/>) the machine's virtual block devices: md, LVM, bcache.</summary>
    private static void WriteParts(Utf8JsonWriter writer, ReadOnlySpan<byte> name, RenderedParts parts, int start, int count, Machine? virtuals = null)
    {
        writer.WriteStartArray(name);
        for (int i = start; i < start + count; i++)
        {
            writer.WriteRawValue(parts[i], skipInputValidation: true);
        }

        if (virtuals is not null && !virtuals.Storage.IsEmpty)
        {
            foreach (Core.Storage.StorageDevice device in Core.Storage.CustomStorage.Devices(virtuals).Where(d => !d.IsPhysical))
            {
                StorageJson.WriteDevice(writer, virtuals, device);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The addresses assigned to the machine's links (AUTO/STATIC with an IP), each once.</summary>
    private static void WriteIpAddresses(Utf8JsonWriter writer, Machine machine)
    {
        writer.WriteStartArray("ip_addresses"u8);
        HashSet<string>? seen = null;
        foreach (NetworkInterface nic in machine.Interfaces)
        {
            foreach (InterfaceLink link in nic.Links)
            {
                if (link.IpAddress is { Length: > 0 } ip && (seen ??= new(StringComparer.Ordinal)).Add(ip))
                {
                    writer.WriteStringValue(ip);
                }
            }
        }

        writer.WriteEndArray();
    }

    /// <summary><c>status_message</c> ("type description - description") and <c>status_action</c> from the latest event.</summary>
    private static void WriteStatusEvent(Utf8JsonWriter writer, MachineEvent? latest)
    {
        if (latest is null)
        {
            writer.WriteNull("status_action"u8);
            writer.WriteNull("status_message"u8);
            return;
        }

        string typeDescription = EventTypes.ByName.TryGetValue(latest.Type, out EventType? type) ? type.Description : latest.Type;
        writer.WriteString("status_action"u8, ""u8);
        writer.WriteString("status_message"u8, latest.Description.Length > 0 ? $"{typeDescription} - {latest.Description}" : typeDescription);
    }

    /// <summary>Writes the pre-rendered object for <paramref name="name"/>; false when the context does not know it.</summary>
    private static bool WriteFragment(Utf8JsonWriter writer, FrozenDictionary<string, byte[]> fragments, string name)
    {
        if (!fragments.TryGetValue(name, out byte[]? json))
        {
            return false;
        }

        writer.WriteRawValue(json, skipInputValidation: true);
        return true;
    }

    /// <summary>The owner data as a string-to-string object, keys in order (gomaasapi requires string values).</summary>
    private static void WriteOwnerData(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Machine machine)
    {
        writer.WriteStartObject(name);
        foreach ((string key, string value) in machine.OwnerData.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>MAAS's nested groups: <c>{"system_id", "id", "__incomplete__": true}</c> each.</summary>
    private static void WriteIncomplete(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string systemId, IEnumerable<long> ids)
    {
        writer.WriteStartArray(name);
        foreach (long id in ids)
        {
            writer.WriteStartObject();
            writer.WriteString("system_id"u8, systemId);
            writer.WriteNumber("id"u8, id);
            writer.WriteBoolean("__incomplete__"u8, true);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEmptyArray(Utf8JsonWriter writer, ReadOnlySpan<byte> name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }
}
