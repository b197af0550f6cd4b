using Ingot.Sim.Redfish;

namespace Ingot.Power.Tests.Redfish;

/// <summary>The virtual BMC checked with Redfish clients nobody on the team wrote: DMTF's redfishtool and OpenStack's sushy.</summary>
public sealed class RealRedfishClientTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private VirtualRedfishBmc _bmc = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = 2, UserName = "admin", Password = "password" }, Ct);

    public async ValueTask DisposeAsync() => await _bmc.DisposeAsync();

    [Fact]
    public async Task Redfishtool_lists_the_systems_and_resets_one_on()
    {
        string tool = Tools.Find("redfishtool") ?? Tools.Skip("redfishtool (Debian package redfishtool) is not installed");
        string[] common = ["-r", _bmc.Authority, "-u", "admin", "-p", "password", "-S", "Never"];

        (int listCode, string listOut, string listErr) = await Tools.RunAsync(tool, [.. common, "Systems"], Ct);
        Assert.True(listCode == 0, $"redfishtool Systems failed ({listCode}): {listOut}{listErr}");
        Assert.Contains("/redfish/v1/Systems/2", listOut, StringComparison.Ordinal);

        (int resetCode, string resetOut, string resetErr) = await Tools.RunAsync(tool, [.. common, "Systems", "-I", "2", "reset", "On"], Ct);
        Assert.True(resetCode == 0, $"redfishtool reset failed ({resetCode}): {resetOut}{resetErr}");
        Assert.True(_bmc.Systems["2"].IsOn);
        Assert.False(_bmc.Systems["1"].IsOn);
    }

    [Fact]
    public async Task Sushy_reads_a_system_resets_it_and_sets_a_one_time_pxe_boot()
    {
        if (!File.Exists(Python))
        {
            Assert.Skip($"{Python} is not installed");
        }

        string script = $$"""
            import sushy
            from sushy import auth
            root = sushy.Sushy('{{_bmc.BaseAddress}}redfish/v1', auth=auth.SessionOrBasicAuth(username='admin', password='password'))
            system = root.get_system('/redfish/v1/Systems/1')
            print('power', system.power_state.value)
            system.reset_system(sushy.ResetType.ON)
            system.set_system_boot_options(sushy.BootSource.PXE, enabled=sushy.BootSourceOverrideEnabled.ONCE)
            system.refresh()
            print('after', system.power_state.value, system.boot.target.value, system.boot.enabled.value)
            """;
        (int code, string stdout, string stderr) = await Tools.RunAsync(Python, ["-c", script], Ct);
        Assert.True(code == 0, $"sushy failed ({code}): {stdout}{stderr}");
        Assert.Contains("power Off\nafter On Pxe Once", stdout, StringComparison.Ordinal);
        Assert.True(_bmc.Systems["1"].IsOn);
        (_, string enabled, string target, _, _) = _bmc.Systems["1"].Snapshot();
        Assert.Equal(("Once", "Pxe"), (enabled, target));
    }
}
