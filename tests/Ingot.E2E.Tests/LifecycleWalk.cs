using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// One machine's walk through MAAS's life-cycle, powered by Ingot over IPMI from enlistment on: the
/// operator powers the unknown VM on through its BMC; it enlists (NEW, VM off); the operator sets its
/// ipmi power and accepts it; Ingot powers it on to commission and test it (READY, VM off). The walk
/// then allocates and deploys the raw image (the installer reboots into a network boot that hands over to
/// the disk, whose first boot ends the deployment: DEPLOYED, and on), locks the machine and sees a release refused
/// with MAAS's 403, unlocks it, and releases it with quick erase: Ingot power-cycles it, <c>wipe-disks</c>
/// runs, and Ingot powers it off over IPMI to finish the release (READY, off). Each stage is bounded and
/// named; when each was reached is kept in <see cref="Stages"/>.
/// </summary>
/// <remarks>
/// Given its <paramref name="lab"/>, <see cref="EnlistAsync"/> also checks the enlistment boot's network: Ingot's DHCP stored a
/// lease for the VM's MAC with the address the ephemeral image's <c>/init</c> got, inside the lab's subnet, and <c>/init</c>
/// fetched the enlistment preseed as its <c>cloud-config-url=</c> (the checks NetworkBootTests made of a BIOS and a UEFI boot).
/// </remarks>
internal sealed class LifecycleWalk(BmcMachine vm, MaasClient maas, NetworkBootLab? lab = null)
{
    public const string UserData = "#cloud-config\n# ingot-fullfi-user-data\n";
    private static readonly TimeSpan s_bootLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_scriptsLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan s_offLimit = TimeSpan.FromMinutes(1);

    public BootStages Stages { get; } = new();

    public string SystemId { get; private set; } = "";

    public async Task RunAsync()
    {
        await EnlistAsync();
        await CommissionAsync();
        await DeployAsync();
        await LockAsync();
        await ReleaseWithEraseAsync();
    }

    /// <summary>
    /// The power ons the walk has asked for so far (the operator's and Ingot's), each with boot device PXE: what the BMC's
    /// <see cref="BmcMachine.Boots"/> must list. An installer's reboot is no power action.
    /// </summary>
    public string[] ExpectedBoots => [.. Enumerable.Repeat("pxe", _powerOns)];

    private int _powerOns;

    /// <summary>Counts a power on that a step outside this walk asked Ingot for (a deploy of its own).</summary>
    public void ExpectPowerOn() => _powerOns++;

    public async Task EnlistAsync()
    {
        _powerOns++;
        int mark = vm.ConsoleMark();
        await vm.PowerOnByIpmiAsync();
        Stages.Reached("powered on by the operator over IPMI");
        Match enlisted = await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: enlisted as (\w+)", s_bootLimit, "the agent to enlist the unknown VM (anonymous machines create)");
        SystemId = enlisted.Groups[1].Value;
        Stages.Reached("enlisted");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: all scripts successfully ran", s_scriptsLimit, "the enlistment's commissioning scripts to run and signal OK");
        await vm.WaitForPowerOffAsync(s_offLimit, "the enlisted VM to power itself off");
        Stages.Reached("NEW, off");
        JsonElement machine = await maas.GetAsync($"machines/{SystemId}/");
        Assert.Equal("New", machine.GetProperty("status_name").GetString());
        Assert.Contains(machine.GetProperty("interface_set").EnumerateArray(), i => i.GetProperty("mac_address").GetString() == vm.Mac);
        if (lab is not null)
        {
            await AssertEnlistmentBootAsync(lab, mark);
        }
    }

    /// <summary>The enlistment boot's lease, <c>/init</c>'s address and its <c>cloud-config-url=</c> (see the remarks).</summary>
    private async Task AssertEnlistmentBootAsync(NetworkBootLab lab, int mark)
    {
        Match up = await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: up mac=(\S+) ip=(\S+) if=", TimeSpan.FromSeconds(5), "the ephemeral image's /init to have brought up its NIC with DHCP");
        Match preseed = await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: cloud-config-url=(\S+) rc=", TimeSpan.FromSeconds(5), "/init to have fetched the cloud-config-url= of its kernel command line");
        Assert.Equal(vm.Mac, up.Groups[1].Value);
        string address = up.Groups[2].Value.Split('/')[0];
        Assert.True(System.Net.IPNetwork.Parse(lab.Network.Subnet).Contains(System.Net.IPAddress.Parse(address)), $"/init got {address}, outside {lab.Network.Subnet}");
        Assert.Contains(await lab.Server.LeasesAsync(), l => l.Mac.ToString() == vm.Mac && l.Address.ToString() == address);
        Assert.Equal($"{lab.Server.BootUrl.ToString().TrimEnd('/')}/MAAS/metadata/latest/enlist-preseed/?op=get_enlist_preseed", preseed.Groups[1].Value);
        Stages.Reached("enlistment boot: lease, /init's address and enlist preseed checked");
    }

    public async Task CommissionAsync()
    {
        await maas.PutAsync(
            $"machines/{SystemId}/",
            ("power_type", "ipmi"),
            ("power_parameters_power_address", vm.Bmc.PowerAddress),
            ("power_parameters_power_user", BmcMachine.User),
            ("power_parameters_power_pass", BmcMachine.Password));
        JsonElement power = await maas.GetAsync($"machines/{SystemId}/?op=power_parameters");
        Assert.Equal(vm.Bmc.PowerAddress, power.GetProperty("power_address").GetString());

        int mark = vm.ConsoleMark();
        await maas.PostAsync("machines/?op=accept", ("machines", SystemId));
        Assert.Equal("Commissioning", await StatusAsync());
        await CommissioningAsync(mark);
    }

    /// <summary>
    /// Instead of <see cref="EnlistAsync"/> and <see cref="CommissionAsync"/>: the operator adds the machine through the API
    /// (admin <c>machines create</c> with its MAC and ipmi power, MAAS's way to add a machine it has not seen boot), which starts
    /// commissioning at once; Ingot powers it on over IPMI and it commissions and tests to READY, off. One network boot fewer
    /// than enlisting it: for walks whose subject comes after READY (PXE enlistment is walked by <see cref="RunAsync"/>).
    /// </summary>
    public async Task AddAndCommissionAsync(string hostname)
    {
        int mark = vm.ConsoleMark();
        JsonElement created = await maas.PostAsync(
            "machines/",
            ("architecture", "amd64/generic"),
            ("mac_addresses", vm.Mac),
            ("hostname", hostname),
            ("power_type", "ipmi"),
            ("power_parameters_power_address", vm.Bmc.PowerAddress),
            ("power_parameters_power_user", BmcMachine.User),
            ("power_parameters_power_pass", BmcMachine.Password));
        SystemId = created.GetProperty("system_id").GetString()!;
        Assert.Equal("Commissioning", created.GetProperty("status_name").GetString());
        Stages.Reached("added through the API, commissioning");
        await CommissioningAsync(mark);
    }

    /// <summary>From the commissioning power on (Ingot's, over IPMI) to READY, off, with the hardware qemu was given.</summary>
    private async Task CommissioningAsync(int mark)
    {
        _powerOns++;
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: metadata \S+", s_bootLimit, "Ingot to power the machine (accepted or added) on over IPMI and the VM to boot with its own credentials");
        Stages.Reached("commissioning: booted by Ingot's IPMI power on");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: starting testing scripts", s_scriptsLimit, "the commissioning scripts to pass and the agent to signal TESTING");
        Stages.Reached("testing");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: all scripts successfully ran", s_scriptsLimit, "the testing scripts to pass and the agent to signal OK");
        await WaitForStatusAsync("Ready", s_offLimit, "commissioning and testing to end in READY");
        await vm.WaitForPowerOffAsync(s_offLimit, "the commissioned VM to power itself off");
        Stages.Reached("READY, off");
        Assert.DoesNotContain("no credentials, enlisting", vm.Console[mark..], StringComparison.Ordinal);
        JsonElement machine = await maas.GetAsync($"machines/{SystemId}/");
        Assert.Equal((vm.Hardware.Cpus, vm.Hardware.MemoryMiB), (machine.GetProperty("cpu_count").GetInt32(), machine.GetProperty("memory").GetInt32()));
        JsonElement[] disks = [.. machine.GetProperty("physicalblockdevice_set").EnumerateArray()];
        Assert.Equal(vm.Hardware.DiskCount, disks.Length);
        JsonElement disk = Assert.Single(disks, d => d.GetProperty("serial").GetString() == vm.Hardware.DiskSerial);
        Assert.Equal(vm.Hardware.DiskBytes, disk.GetProperty("size").GetInt64());
        Assert.Equal(ExpectedBoots, vm.Boots);
    }

    private async Task DeployAsync()
    {
        JsonElement allocated = await maas.PostAsync("machines/?op=allocate", ("system_id", SystemId));
        Assert.Equal((SystemId, "Allocated"), (allocated.GetProperty("system_id").GetString(), allocated.GetProperty("status_name").GetString()));
        int mark = vm.ConsoleMark();
        _powerOns++;
        JsonElement deploying = await maas.PostAsync($"machines/{SystemId}/?op=deploy", ("distro_series", "ingot/deployable"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData))));
        Assert.Equal("Deploying", deploying.GetProperty("status_name").GetString());
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: install: writing dd-raw \S+root-dd.raw to /dev/vda", s_bootLimit, "Ingot to power the machine on over IPMI and the installer to start writing the image");
        Stages.Reached("deploying: installer writing the image");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: agent: install: netboot_off posted", s_bootLimit, "the image, its cloudconfig and netboot_off");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: done, .* rebooting", s_offLimit, "the installer to reboot");
        Stages.Reached("installer rebooting");
        await vm.WaitForConsoleAsync(mark, "Booting from SAN device 0x80", s_bootLimit, "the network boot after the reboot to hand over to the disk (netboot off)");
        await vm.WaitForConsoleAsync(mark, "INGOT-EPHEMERAL: deployed: first boot done", s_bootLimit, "the deployed system to fetch its user-data and report modules-final");
        await WaitForStatusAsync("Deployed", s_offLimit, "the deployed system's first boot to end the deployment");
        Stages.Reached("DEPLOYED (booted from its disk)");
        string deployedBoot = vm.Console[mark..];
        Assert.Contains($"deployed: instance {SystemId}, user-data {UserData.Length} bytes: #cloud-config # ingot-fullfi-user-data", deployedBoot, StringComparison.Ordinal);
        Assert.DoesNotContain("INGOT-EPHEMERAL: agent:", deployedBoot[deployedBoot.LastIndexOf("Booting from SAN device 0x80", StringComparison.Ordinal)..], StringComparison.Ordinal);
        JsonElement deployed = await maas.GetAsync($"machines/{SystemId}/");
        Assert.Equal(("ingot", "deployable", false), (deployed.GetProperty("osystem").GetString(), deployed.GetProperty("distro_series").GetString(), deployed.GetProperty("netboot").GetBoolean()));
        Assert.False(DiskFile.IsZero(vm.Hardware.DiskPath, 0, 1 << 20), "the disk's first MiB holds the deployed image");
        string[] events = await EventDescriptionsAsync();
        Assert.Contains("'cmd-install' curtin command install", events);
        Assert.Contains("'modules-final' running modules for final", events);
        Assert.Equal(ExpectedBoots, vm.Boots);
        Assert.True(vm.IsRunning, "the deployed system stays up");
        JsonElement power = await maas.GetAsync($"machines/{SystemId}/?op=query_power_state");
        Assert.Equal("on", power.GetProperty("state").GetString());
    }

    private async Task LockAsync()
    {
        JsonElement locked = await maas.PostAsync($"machines/{SystemId}/?op=lock", ("comment", "fullfi: no changes"));
        Assert.True(locked.GetProperty("locked").GetBoolean(), "lock sets locked");
        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => maas.PostAsync($"machines/{SystemId}/?op=release", ("erase", "true"), ("quick_erase", "true")));
        Assert.Contains("answered 403: You do not have permission to perform this action.", refused.Message, StringComparison.Ordinal);
        JsonElement still = await maas.GetAsync($"machines/{SystemId}/");
        Assert.Equal(("Deployed", true), (still.GetProperty("status_name").GetString(), still.GetProperty("locked").GetBoolean()));
        JsonElement unlocked = await maas.PostAsync($"machines/{SystemId}/?op=unlock");
        Assert.False(unlocked.GetProperty("locked").GetBoolean(), "unlock clears locked");
        Stages.Reached("locked, release refused (403), unlocked");
    }

    /// <summary>
    /// Releases the deployed machine with quick erase: Ingot power-cycles it, it boots the network (wipe-disks), the disk's
    /// first and last MiB are zero, and READY, off. <paramref name="middleKept"/>: also that the disk's 4–20 MiB were left
    /// (a layout whose data is there).
    /// </summary>
    public async Task ReleaseWithEraseAsync(bool middleKept = true)
    {
        int mark = vm.ConsoleMark();
        _powerOns++;
        JsonElement erasing = await maas.PostAsync($"machines/{SystemId}/?op=release", ("erase", "true"), ("quick_erase", "true"));
        Assert.Equal("Disk erasing", erasing.GetProperty("status_name").GetString());
        await vm.WaitForConsoleAsync(mark, @"INGOT-EPHEMERAL: agent: finished wipe-disks \[1/1\]: exit 0", s_scriptsLimit, "Ingot to power-cycle the deployed machine over IPMI and wipe-disks to quick-erase the disk");
        Stages.Reached("disk erasing: wipe-disks done");
        await WaitForStatusAsync("Ready", s_offLimit, "the erase to finish the release: Ingot's IPMI power off, then READY");
        await vm.WaitForPowerOffAsync(s_offLimit, "the released VM to be off");
        Stages.Reached("READY, off");
        JsonElement ready = await maas.GetAsync($"machines/{SystemId}/?op=query_power_state");
        Assert.Equal("off", ready.GetProperty("state").GetString());

        // One outcome whichever side turns the machine off first (the erase environment's power_state or
        // Ingot's IPMI off): the release's own power-off is carried out and finishes the release (docs/fullfi-notes.md).
        // The system's REQUEST_NODE_RELEASE between the first two is an audit event, which the events query leaves out.
        string[] events = await EventDescriptionsAsync(type: true);
        Assert.Equal(
            [
                "Disk erasing finished", "From 'Disk erasing' to 'Releasing'",
                "Powering off", "Node powered off", "From 'Releasing' to 'Ready'", "Released",
            ],
            events.SkipWhile(e => e != "Disk erasing finished"));
        Assert.Equal(ExpectedBoots, vm.Boots);
        Assert.True(DiskFile.IsZero(vm.Hardware.DiskPath, 0, 1 << 20), "the disk's first MiB is zero after quick erase");
        Assert.True(DiskFile.IsZero(vm.Hardware.DiskPath, vm.Hardware.DiskBytes - (1 << 20), 1 << 20), "the disk's last MiB is zero after quick erase");
        Assert.True(!middleKept || !DiskFile.IsZero(vm.Hardware.DiskPath, 4 << 20, 16 << 20), "quick erase left the middle of the disk alone");
    }

    private async Task<string> StatusAsync() =>
        (await maas.GetAsync($"machines/{SystemId}/")).GetProperty("status_name").GetString()!;

    /// <summary>Reads the machine every second until its status is <paramref name="status"/>; fails naming <paramref name="what"/>.</summary>
    public async Task WaitForStatusAsync(string status, TimeSpan limit, string what)
    {
        long start = TimeProvider.System.GetTimestamp();
        string current;
        while ((current = await StatusAsync()) != status)
        {
            if (TimeProvider.System.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"{vm.Name} ({SystemId}): waited {limit.TotalSeconds} s for {what}; status is {current}, not {status}.");
            }

            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The machine's events, oldest first: each one's description, or its type's description when that is empty and <paramref name="type"/> is set.</summary>
    public async Task<string[]> EventDescriptionsAsync(bool type = false) =>
        [.. (await maas.GetAsync($"events/?op=query&id={SystemId}&level=DEBUG&limit=1000")).GetProperty("events").EnumerateArray().Reverse()
            .Select(e => e.GetProperty("description").GetString() is { Length: > 0 } d || !type ? e.GetProperty("description").GetString()! : e.GetProperty("type").GetString()!)];
}
