using Ingot.Core.Boot;
using Ingot.Core.Config;
using Ingot.Core.Tests.Fakes;

namespace Ingot.Core.Tests.Boot;

/// <summary>What a network boot loads follows the settings an operator sets with <c>maas set-config</c>.</summary>
public class ConfigBootDefaultsTests
{
    [Fact]
    public void Nothing_set_gives_MAAS_defaults()
    {
        Assert.Equal(BootDefaults.Maas, ConfigBootDefaults.From(new Dictionary<string, string>()));
    }

    [Fact]
    public void The_commissioning_and_default_settings_replace_the_defaults_and_empty_values_do_not()
    {
        BootDefaults d = ConfigBootDefaults.From(new Dictionary<string, string>
        {
            ["commissioning_osystem"] = "ingot",
            ["commissioning_distro_series"] = "ephemeral",
            ["default_distro_series"] = "jammy",
            ["default_osystem"] = "",
            ["maas_name"] = "region",
            ["kernel_opts"] = "console=ttyS0",
        });

        Assert.Equal(BootDefaults.Maas with { CommissioningOsystem = "ingot", CommissioningSeries = "ephemeral", DefaultSeries = "jammy", KernelOpts = "console=ttyS0" }, d);
    }

    [Fact]
    public async Task An_unknown_machine_enlists_on_the_commissioning_image_set_through_the_settings()
    {
        var store = new InMemoryConfigStore();
        var settings = new ConfigSettings(store);
        await settings.SetAsync("commissioning_osystem", "ingot", CancellationToken.None);
        await settings.SetAsync("commissioning_distro_series", "ephemeral", CancellationToken.None);

        BootSelection s = BootSelector.Select(null, await new ConfigBootDefaults(store).GetAsync(CancellationToken.None));

        Assert.Equal((BootPurpose.Enlist, "ingot", "ephemeral", "amd64/generic"), (s.Purpose, s.Osystem, s.Series, s.Architecture));
    }
}
