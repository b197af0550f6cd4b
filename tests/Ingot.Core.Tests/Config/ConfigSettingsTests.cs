using Ingot.Core.Config;
using Ingot.Core.Enlistment;
using Ingot.Core.Tests.Fakes;

namespace Ingot.Core.Tests.Config;

/// <summary>The settings get_config/set_config expose: MAAS's names, defaults, types and checks.</summary>
public class ConfigSettingsTests
{
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public async Task Unset_settings_read_as_MAAS_defaults_with_their_types()
    {
        var settings = new ConfigSettings(new InMemoryConfigStore());

        Assert.Equal(30, await settings.GetAsync("node_timeout", s_ct));
        Assert.Equal("ubuntu", await settings.GetAsync("default_osystem", s_ct));
        Assert.Equal("noble", await settings.GetAsync("default_distro_series", s_ct));
        Assert.Equal("ubuntu", await settings.GetAsync("commissioning_osystem", s_ct));
        Assert.Equal("noble", await settings.GetAsync("commissioning_distro_series", s_ct));
        Assert.Equal(false, await settings.GetAsync("enable_disk_erasing_on_release", s_ct));
        Assert.Equal("", await settings.GetAsync("default_min_hwe_kernel", s_ct));
        Assert.Equal(Environment.MachineName, await settings.GetAsync("maas_name", s_ct));
    }

    [Theory]
    [InlineData("node_timeout", "45", 45)]
    [InlineData("enable_disk_erasing_on_release", "true", true)]
    [InlineData("enable_disk_erasing_on_release", "False", false)]
    [InlineData("enable_disk_erasing_on_release", "0", false)]
    [InlineData("enable_disk_erasing_on_release", "yes", true)]
    [InlineData("default_distro_series", "jammy", "jammy")]
    [InlineData("commissioning_distro_series", "ephemeral", "ephemeral")]
    [InlineData("commissioning_osystem", "ingot", "ingot")]
    [InlineData("kernel_opts", " console=ttyS0,115200 ", "console=ttyS0,115200")]
    [InlineData("default_min_hwe_kernel", "hwe-22.04", "hwe-22.04")]
    [InlineData("maas_name", " region-1 ", "region-1")]
    public async Task A_valid_value_is_stored_and_read_back_typed(string name, string value, object expected)
    {
        var store = new InMemoryConfigStore();
        var settings = new ConfigSettings(store);

        await settings.SetAsync(name, value, s_ct);

        Assert.Equal(expected, await settings.GetAsync(name, s_ct));
        Assert.Equal(expected, await new ConfigSettings(store).GetAsync(name, s_ct));
    }

    [Theory]
    [InlineData("node_timeout", "0", "Ensure this value is greater than or equal to 1.")]
    [InlineData("node_timeout", "ten", "Enter a whole number.")]
    [InlineData("default_osystem", "centos", "Select a valid choice. centos is not one of the available choices.")]
    [InlineData("default_min_hwe_kernel", "4.15", "min_hwe_kernel must start with \"hwe-\" or \"ga-\"")]
    [InlineData("default_distro_series", "no spaces", "Select a valid choice. no spaces is not one of the available choices.")]
    [InlineData("commissioning_osystem", "", "Select a valid choice.  is not one of the available choices.")]
    public async Task A_bad_value_is_refused_on_the_setting_name_and_changes_nothing(string name, string value, string message)
    {
        var store = new InMemoryConfigStore();
        var settings = new ConfigSettings(store);

        var error = await Assert.ThrowsAsync<MachineFormException>(() => settings.SetAsync(name, value, s_ct));

        Assert.Equal([message], error.Errors[name]);
        Assert.Empty(await store.AllAsync(s_ct));
    }

    [Fact]
    public async Task An_unknown_setting_is_a_field_error_on_name_listing_the_valid_ones()
    {
        var settings = new ConfigSettings(new InMemoryConfigStore());

        var error = await Assert.ThrowsAsync<MachineFormException>(() => settings.GetAsync("ntp_servers", s_ct));

        Assert.Equal(
            ["ntp_servers is not a valid config setting (valid settings are: commissioning_distro_series, commissioning_osystem, default_distro_series, default_min_hwe_kernel, default_storage_layout, default_osystem, disk_erase_with_quick_erase, disk_erase_with_secure_erase, enable_disk_erasing_on_release, hardware_sync_interval, kernel_opts, maas_name, node_timeout)."],
            error.Errors["name"]);
    }

    [Fact]
    public async Task Node_timeout_set_here_feeds_the_lifecycle_settings()
    {
        var store = new InMemoryConfigStore();

        await new ConfigSettings(store).SetAsync("node_timeout", "12", s_ct);

        Assert.Equal(12, (await LifecycleSettingsLoader.LoadAsync(store, s_ct)).NodeTimeout);
    }
}
