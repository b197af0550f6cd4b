using System.Text.Json;
using Ingot.Core.Inventory;
using Ingot.Core.Registration;

namespace Ingot.Core.Tests.Registration;

public class LiveHostReportTests
{
    private const string Report = """
        ingot-registration 1
        arch x86_64
        cpu_count 4
        cpu_model Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz
        cpu_mhz 2399.998
        mem_total_kib 8152300
        os debian 12
        disk vda 41943040 0 0 1 512 - QEMU HARDDISK
        disk nvme0n1 1000215216 0 0 0 4096 S4EWNX0R123 Samsung SSD 980
        net lo 00:00:00:00:00:00 unknown 65536 772
        net eth0 52:54:00:12:34:56 up 1500 1
        """;

    [Fact]
    public void A_report_becomes_a_machine_resources_document_the_inventory_parser_reads()
    {
        byte[] document = LiveHostReport.ToMachineResources(Report, out string? error)!;
        Assert.Null(error);
        InventoryParseResult parsed = InventoryParser.Parse(document);
        Assert.True(parsed.Succeeded, parsed.Message);
        Assert.Equal(4, parsed.Inventory.CpuCount);
        Assert.Equal(8152300L / 1024, parsed.Inventory.Memory);
        Assert.Equal(["vda", "nvme0n1"], parsed.Inventory.Disks.Select(d => d.Name));
        Assert.Equal(41943040L * 512, parsed.Inventory.Disks[0].Size);
        InventoryInterface eth0 = Assert.Single(parsed.Inventory.Interfaces);
        Assert.Equal("eth0", eth0.Name);
        Assert.Equal("52:54:00:12:34:56", eth0.MacAddress.ToString());
        Assert.Equal("debian", JsonDocument.Parse(document).RootElement.GetProperty("environment").GetProperty("os_name").GetString());
    }

    [Theory]
    [InlineData("arch x86_64\n", "Not an Ingot registration report")]
    [InlineData("ingot-registration 1\ncpu_count four\n", "Malformed report line: cpu_count four")]
    [InlineData("ingot-registration 1\ndisk vda big 0 0 1 512 - M\n", "Malformed report line: disk vda big")]
    public void A_malformed_report_is_refused_with_the_reason(string report, string reason)
    {
        Assert.Null(LiveHostReport.ToMachineResources(report, out string? error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }
}
