using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// Pins the exact bytes of <c>GET machines/</c> and <c>GET machines/{id}/</c> for fixed machines
/// (storage with partitions and filesystems, two interfaces with links, owner data, tags, and texts
/// that JSON encoders escape differently: <c>&lt; &gt; &amp; ' + é ✓ "</c>). The expected files were
/// written by the code before the list was streamed from the store (Golden/), so a faster path that
/// changes one byte of the response fails here. Own host: the ids of disks and interfaces are the
/// database's, so this database holds only these machines. The machines have no script results, so their
/// <c>commissioning_status</c> is MAAS's -1 "Unknown" (the rollup over results; the stored outcome was written before
/// the nineteenth session).
/// </summary>
public sealed class MachineJsonBytesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly DateTime s_when = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_and_item_bodies_are_byte_for_byte_the_pinned_ones()
    {
        ApiUser admin = await host.CreateUserAsync(username: "pinned-admin", isAdmin: true);
        var store = host.Services.GetRequiredService<IMachineStore>();
        await store.AddAsync(Pinned("pin0001", "alpha", allocatedTo: admin.Username), Ct);
        await store.AddAsync(Pinned("pin0002", "beta", allocatedTo: null), Ct);
        using HttpClient client = host.Client(admin.ApiKey);

        using var list = await client.GetPathAsync(MachineRequests.Machines);
        Assert.Equal(await GoldenAsync("machines-list.json"), await list.Content.ReadAsByteArrayAsync(Ct));

        // The second list writes the JSON the first one kept (MachineListCache): the same bytes.
        using var again = await client.GetPathAsync(MachineRequests.Machines);
        Assert.Equal(await GoldenAsync("machines-list.json"), await again.Content.ReadAsByteArrayAsync(Ct));

        using var item = await client.GetPathAsync(MachineRequests.Item("pin0001"));
        Assert.Equal(await GoldenAsync("machines-item.json"), await item.Content.ReadAsByteArrayAsync(Ct));
    }

    private static Task<byte[]> GoldenAsync(string name) =>
        File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Machines", "Golden", name), Ct);

    private static Machine Pinned(string systemId, string hostname, string? allocatedTo)
    {
        Machine m = Machine.Create(systemId, hostname, s_when);
        m.TransitionTo(MachineStatus.Commissioning, s_when);
        m.TransitionTo(MachineStatus.Ready, s_when);
        m.CommissioningResult = ScriptSetStatus.Passed;
        m.Architecture = "amd64/generic";
        m.CpuCount = 6;
        m.CpuSpeed = 2400;
        m.CpuModel = "Xeon <E5> & 'v4' + é ✓";
        m.Memory = 16384;
        m.PowerType = "ipmi";
        m.PowerParameters = new() { ["power_address"] = "10.0.0." + hostname.Length, ["power_user"] = "maas", ["power_pass"] = "pw" };
        m.PowerState = Core.Power.PowerState.On;
        m.Description = "rack <A> & B's \"spare\" + é ✓";
        m.Tags = ["virtual", "gpu+fast"];
        m.BlockDevices =
        [
            new BlockDevice
            {
                Name = "sda", Model = "QEMU HARDDISK", Serial = "QM-" + hostname, SizeBytes = 500_107_862_016, IsBootDisk = true, Tags = ["ssd"],
                Partitions =
                [
                    new Partition { SizeBytes = 536_870_912, Bootable = true, Filesystem = new Filesystem { Type = "fat32", MountPoint = "/boot/efi" } },
                    new Partition { SizeBytes = 499_570_991_104, Filesystem = new Filesystem { Type = "ext4", MountPoint = "/", Label = "root", MountOptions = "noatime" } },
                ],
            },
            new BlockDevice { Name = "sdb", Model = "WDC", Serial = "WD-" + hostname, SizeBytes = 2_000_398_934_016, Tags = ["rotary"], Filesystem = new Filesystem { Type = "xfs", MountPoint = "/srv" } },
        ];
        m.Interfaces =
        [
            new NetworkInterface
            {
                Name = "eth0", MacAddress = MacAddress.Parse($"52:54:00:00:00:0{hostname.Length}"), LinkSpeed = 10000,
                Links = [new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.0.0.0/16", IpAddress = "10.0.1." + hostname.Length, IsDefaultGateway = true }],
            },
            new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse($"52:54:00:00:01:0{hostname.Length}"), Enabled = false, Vlan = 42 },
        ];
        if (allocatedTo is not null)
        {
            m.Acquire(Actor.User(allocatedTo, isAdmin: true), s_when);
            m.SetOwnerData(new Dictionary<string, string> { ["owner+key"] = "<value> & é", ["juju"] = "yes" }, s_when);
        }

        return m;
    }
}
