using System.Text.Json;

namespace Ingot.Wire.Tests.Machines;

/// <summary>
/// The key → JSON kind tables of maas-api.md §5 and its full example §5.1, written out by hand.
/// A kind is <c>S</c> string, <c>N</c> number, <c>B</c> boolean, <c>O</c> object, <c>A</c> array; a trailing
/// <c>?</c> allows null (the spec's "|null"); <c>S|O</c> allows either.
/// </summary>
internal static class MachineShape
{
    public static readonly Dictionary<string, string> Machine = new()
    {
        ["system_id"] = "S",
        ["hostname"] = "S",
        ["description"] = "S",
        ["hardware_uuid"] = "S?",
        ["domain"] = "O",
        ["fqdn"] = "S",
        ["owner"] = "S?",
        ["owner_data"] = "O",
        ["locked"] = "B",
        ["cache_sets"] = "A",
        ["bcaches"] = "A",
        ["bios_boot_method"] = "S?",
        ["boot_interface"] = "O?",
        ["architecture"] = "S?",
        ["min_hwe_kernel"] = "S?",
        ["hwe_kernel"] = "S?",
        ["cpu_count"] = "N",
        ["cpu_speed"] = "N",
        ["memory"] = "N",
        ["swap_size"] = "N?",
        ["storage"] = "N",
        ["status"] = "N",
        ["osystem"] = "S",
        ["distro_series"] = "S",
        ["ephemeral_deploy"] = "B",
        ["error_description"] = "S",
        ["netboot"] = "B",
        ["power_type"] = "S",
        ["power_state"] = "S",
        ["tag_names"] = "A",
        ["address_ttl"] = "N?",
        ["ip_addresses"] = "A",
        ["interface_set"] = "A",
        ["zone"] = "O",
        ["pool"] = "O?",
        ["disable_ipv4"] = "B",
        ["boot_disk"] = "O?",
        ["blockdevice_set"] = "A",
        ["physicalblockdevice_set"] = "A",
        ["virtualblockdevice_set"] = "A",
        ["volume_groups"] = "A",
        ["raids"] = "A",
        ["status_action"] = "S?",
        ["status_message"] = "S?",
        ["status_name"] = "S",
        ["node_type"] = "N",
        ["node_type_name"] = "S",
        ["special_filesystems"] = "A",
        ["parent"] = "O?",
        ["pod"] = "O?",
        ["default_gateways"] = "O",
        ["current_commissioning_result_id"] = "N?",
        ["current_testing_result_id"] = "N?",
        ["current_installation_result_id"] = "N?",
        ["commissioning_status"] = "N",
        ["commissioning_status_name"] = "S",
        ["testing_status"] = "N",
        ["testing_status_name"] = "S",
        ["cpu_test_status"] = "N",
        ["cpu_test_status_name"] = "S",
        ["memory_test_status"] = "N",
        ["memory_test_status_name"] = "S",
        ["network_test_status"] = "N",
        ["network_test_status_name"] = "S",
        ["storage_test_status"] = "N",
        ["storage_test_status_name"] = "S",
        ["other_test_status"] = "N",
        ["other_test_status_name"] = "S",
        ["hardware_info"] = "O",
        ["interface_test_status"] = "N",
        ["interface_test_status_name"] = "S",
        ["numanode_set"] = "A",
        ["virtualmachine_id"] = "N?",
        ["workload_annotations"] = "O",
        ["last_sync"] = "S?",
        ["sync_interval"] = "N?",
        ["next_sync"] = "S?",
        ["enable_hw_sync"] = "B",
        ["enable_kernel_crash_dump"] = "B",
        ["is_dpu"] = "B",
        ["resource_uri"] = "S",
    };

    public static readonly Dictionary<string, string> Interface = new()
    {
        ["firmware_version"] = "S?",
        ["vlan"] = "O?",
        ["parents"] = "A",
        ["effective_mtu"] = "N",
        ["system_id"] = "S",
        ["tags"] = "A",
        ["enabled"] = "B",
        ["product"] = "S?",
        ["links"] = "A",
        ["type"] = "S",
        ["children"] = "A",
        ["vendor"] = "S?",
        ["mac_address"] = "S?",
        ["discovered"] = "A?",
        ["id"] = "N",
        ["params"] = "S|O",
        ["name"] = "S",
        ["link_connected"] = "B",
        ["interface_speed"] = "N",
        ["link_speed"] = "N",
        ["resource_uri"] = "S",
        ["numa_node"] = "N?",
        ["sriov_max_vf"] = "N",
    };

    public static readonly Dictionary<string, string> Vlan = new()
    {
        ["vid"] = "N",
        ["mtu"] = "N",
        ["dhcp_on"] = "B",
        ["external_dhcp"] = "S?",
        ["relay_vlan"] = "O?",
        ["space"] = "S",
        ["primary_rack"] = "S?",
        ["secondary_rack"] = "S?",
        ["fabric"] = "S",
        ["id"] = "N",
        ["fabric_id"] = "N",
        ["name"] = "S",
        ["resource_uri"] = "S",
    };

    /// <summary>A link: <c>subnet</c> is absent on a link_up link without one, <c>ip_address</c> when nothing is assigned.</summary>
    public static readonly Dictionary<string, string> Link = new()
    {
        ["id"] = "N",
        ["mode"] = "S",
        ["subnet"] = "O",
        ["ip_address"] = "S",
    };

    public static readonly Dictionary<string, string> Subnet = new()
    {
        ["name"] = "S",
        ["vlan"] = "O",
        ["cidr"] = "S",
        ["rdns_mode"] = "N",
        ["gateway_ip"] = "S?",
        ["dns_servers"] = "A",
        ["allow_dns"] = "B",
        ["allow_proxy"] = "B",
        ["active_discovery"] = "B",
        ["managed"] = "B",
        ["space"] = "S",
        ["id"] = "N",
        ["resource_uri"] = "S",
        ["description"] = "S",
        ["disabled_boot_architectures"] = "A",
    };

    public static readonly Dictionary<string, string> BlockDevice = new()
    {
        ["firmware_version"] = "S?",
        ["system_id"] = "S",
        ["tags"] = "A",
        ["id_path"] = "S?",
        ["size"] = "N",
        ["block_size"] = "N",
        ["type"] = "S",
        ["uuid"] = "S?",
        ["filesystem"] = "O?",
        ["partitions"] = "A",
        ["partition_table_type"] = "S?",
        ["model"] = "S?",
        ["storage_pool"] = "S?",
        ["available_size"] = "N",
        ["id"] = "N",
        ["used_size"] = "N",
        ["path"] = "S",
        ["used_for"] = "S",
        ["serial"] = "S?",
        ["name"] = "S",
        ["resource_uri"] = "S",
        ["numa_node"] = "N?",
    };

    public static readonly Dictionary<string, string> Partition = new()
    {
        ["uuid"] = "S?",
        ["size"] = "N",
        ["bootable"] = "B",
        ["tags"] = "A",
        ["system_id"] = "S",
        ["device_id"] = "N",
        ["type"] = "S",
        ["filesystem"] = "O?",
        ["id"] = "N",
        ["path"] = "S",
        ["used_for"] = "S",
        ["resource_uri"] = "S",
    };

    /// <summary>gomaasapi requires <c>uuid</c> to be a string.</summary>
    public static readonly Dictionary<string, string> Filesystem = new()
    {
        ["fstype"] = "S",
        ["label"] = "S?",
        ["uuid"] = "S",
        ["mount_point"] = "S?",
        ["mount_options"] = "S?",
    };

    public static readonly Dictionary<string, string> Zone = new()
    {
        ["name"] = "S",
        ["description"] = "S",
        ["id"] = "N",
        ["resource_uri"] = "S",
    };

    public static readonly Dictionary<string, string> Domain = new()
    {
        ["authoritative"] = "B",
        ["ttl"] = "N?",
        ["is_default"] = "B",
        ["resource_record_count"] = "N",
        ["id"] = "N",
        ["name"] = "S",
        ["resource_uri"] = "S",
    };

    public static readonly Dictionary<string, string> Gateway = new() { ["gateway_ip"] = "S?", ["link_id"] = "N?" };

    public static readonly Dictionary<string, string> NumaNode = new()
    {
        ["index"] = "N",
        ["cores"] = "A",
        ["memory"] = "N",
        ["hugepages_set"] = "A",
    };

    public static readonly string[] HardwareInfoKeys =
    [
        "system_vendor", "system_product", "system_family", "system_version", "system_sku", "system_serial",
        "cpu_model", "mainboard_vendor", "mainboard_product", "mainboard_serial", "mainboard_version",
        "mainboard_firmware_vendor", "mainboard_firmware_date", "mainboard_firmware_version", "chassis_vendor",
        "chassis_type", "chassis_serial", "chassis_version",
    ];

    /// <summary>Asserts the object has exactly <paramref name="table"/>'s keys (optional ones may be missing) with allowed kinds.</summary>
    public static void Assert(JsonElement element, Dictionary<string, string> table, string where, params string[] optional)
    {
        Xunit.Assert.Equal(JsonValueKind.Object, element.ValueKind);
        string[] keys = Rendered.Keys(element);
        Xunit.Assert.Equal(keys.Length, keys.Distinct().Count());
        Xunit.Assert.Empty(keys.Except(table.Keys).Select(k => $"{where}: unexpected key {k}"));
        Xunit.Assert.Empty(table.Keys.Except(keys).Except(optional).Select(k => $"{where}: missing key {k}"));
        foreach (JsonProperty property in element.EnumerateObject())
        {
            Xunit.Assert.True(Allows(table[property.Name], property.Value.ValueKind), $"{where}.{property.Name} is {property.Value.ValueKind}, spec says {table[property.Name]}");
        }
    }

    private static bool Allows(string kinds, JsonValueKind kind) =>
        (kind == JsonValueKind.Null && kinds.EndsWith('?'))
        || kinds.TrimEnd('?').Split('|').Any(k => k switch
        {
            "S" => kind == JsonValueKind.String,
            "N" => kind == JsonValueKind.Number,
            "B" => kind is JsonValueKind.True or JsonValueKind.False,
            "O" => kind == JsonValueKind.Object,
            "A" => kind == JsonValueKind.Array,
            _ => false,
        });
}
