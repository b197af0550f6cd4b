using Ingot.Client;

namespace Ingot.Tests.Client;

public sealed class HandlerNamesTests
{
    [Theory]
    [InlineData("MachinesHandler", "machines")]
    [InlineData("MachineHandler", "machine")]
    [InlineData("BootResourcesHandler", "boot-resources")]
    [InlineData("IPAddressesHandler", "ipaddresses")]
    [InlineData("DNSResourceRecordsHandler", "dnsresource-records")]
    [InlineData("MaasHandler", "maas")]
    [InlineData("AnonMachinesHandler", "anon-machines")]
    public void Handler_names_become_the_maas_cli_command_names(string handler, string command) =>
        Assert.Equal(command, HandlerNames.Command(handler));

    [Theory]
    [InlineData("power_parameters", "power-parameters")]
    [InlineData("set_storage_layout", "set-storage-layout")]
    [InlineData("read", "read")]
    public void Action_names_are_joined_with_hyphens(string action, string command) =>
        Assert.Equal(command, HandlerNames.Action(action));

    [Theory]
    [InlineData("http://10.0.0.1:5240/MAAS", "http://10.0.0.1:5240/MAAS/api/2.0/")]
    [InlineData("http://10.0.0.1:5240/MAAS/", "http://10.0.0.1:5240/MAAS/api/2.0/")]
    [InlineData("http://host/MAAS/api/2.0", "http://host/MAAS/api/2.0/")]
    [InlineData("https://host/MAAS/api/2.0/?x=1", "https://host/MAAS/api/2.0/")]
    public void Urls_are_normalised_as_maas_login_does(string given, string expected)
    {
        Assert.True(ApiUrl.TryNormalise(given, out Uri url));
        Assert.Equal(expected, url.ToString());
    }

    [Theory]
    [InlineData("ftp://host/MAAS")]
    [InlineData("not a url")]
    [InlineData("/MAAS/api/2.0/")]
    public void Non_http_urls_are_refused(string given) => Assert.False(ApiUrl.TryNormalise(given, out _));
}
