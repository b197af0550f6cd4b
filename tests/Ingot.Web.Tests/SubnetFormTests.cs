using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The subnets page beyond DHCP: an admin edits a subnet's name, gateway, DNS servers and managed flag (a gateway
/// outside the CIDR refused with the API's text, nothing changed); a user reserves a range (an overlapping one refused),
/// is offered no dynamic ranges and cannot delete an admin's, and deletes their own. Results are checked in the store.
/// </summary>
[Collection(UiTests.Name)]
public sealed class SubnetFormTests(UiHost host)
{
    private static NetworkForm Form(params (string Key, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value], StringComparer.Ordinal));

    private async Task<(string Prefix, Subnet Subnet)> NewSubnetAsync()
    {
        var networks = host.Services.GetRequiredService<NetworkOperations>();
        string prefix = $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(0, 250)}";
        Subnet subnet = await networks.CreateSubnetAsync(Actor.User(UiHost.AdminName, isAdmin: true), Form(("cidr", prefix + ".0/24")), TestContext.Current.CancellationToken);
        return (prefix, subnet);
    }

    private async Task<NetworkModel> ModelAsync() =>
        await host.Services.GetRequiredService<NetworkOperations>().LoadAsync(TestContext.Current.CancellationToken);

    [Fact(Timeout = 120_000)]
    public async Task An_admin_edits_a_subnets_name_gateway_dns_and_managed_flag_after_a_refused_gateway()
    {
        (string prefix, Subnet subnet) = await NewSubnetAsync();
        string cidr = subnet.Cidr;
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/networks", UiHost.AdminName, UiHost.AdminPassword, TestContext.Current.CancellationToken);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit subnet {cidr}" }).ClickAsync();
        ILocator form = page.GetByTestId("subnet-edit");

        await form.GetByLabel("Gateway IP").FillAsync("192.0.2.1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save subnet" }).ClickAsync();
        await Expect(page.GetByTestId("subnet-error")).ToHaveTextAsync($"gateway_ip: {NetworkErrors.GatewayOutsideSubnet}");
        Subnet unchanged = (await ModelAsync()).Subnet(subnet.Id)!;
        Assert.Equal((cidr, (string?)null, true), (unchanged.Name, unchanged.GatewayIp, unchanged.Managed));

        string name = $"lab-{prefix.Replace('.', '-')}";
        await form.GetByLabel("Subnet name").FillAsync(name);
        await form.GetByLabel("Gateway IP").FillAsync(prefix + ".1");
        await form.GetByLabel("DNS servers").FillAsync("192.0.2.53, 192.0.2.54");
        await form.GetByLabel("Managed allocation").UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save subnet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Subnet {cidr} saved.");
        ILocator row = page.Locator($"tr[data-cidr='{cidr}']");
        await Expect(row).ToContainTextAsync($"{cidr} ({name})");
        await Expect(row).ToContainTextAsync(prefix + ".1");
        await page.ScreenshotAsync("subnet-edit");
        await page.Context.CloseAsync();

        Subnet saved = (await ModelAsync()).Subnet(subnet.Id)!;
        Assert.Equal((name, prefix + ".1", false), (saved.Name, saved.GatewayIp, saved.Managed));
        Assert.Equal(["192.0.2.53", "192.0.2.54"], saved.DnsServers);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_reserves_and_deletes_their_own_range_but_not_an_admins_dynamic_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (string prefix, Subnet subnet) = await NewSubnetAsync();
        await host.Services.GetRequiredService<NetworkOperations>().CreateRangeAsync(
            Actor.User(UiHost.AdminName, isAdmin: true), Form(("type", "dynamic"), ("start_ip", prefix + ".200"), ("end_ip", prefix + ".220")), ct);
        IPage page = await ZonesPoolsTagsTests.OpenAsync(host, "MAAS/r/networks", UiHost.UserName, UiHost.UserPassword, ct);
        ILocator ranges = page.GetByTestId("ip-ranges");
        await Expect(ranges.Locator("#new-range-type option")).ToHaveCountAsync(1);
        await Expect(ranges.Locator($"tr[data-range='{prefix}.200']")).ToContainTextAsync("dynamic");
        await Expect(ranges.GetByRole(AriaRole.Button, new() { Name = $"Delete range {prefix}.200" })).ToHaveCountAsync(0);

        await ranges.GetByLabel("Start IP").FillAsync(prefix + ".10");
        await ranges.GetByLabel("End IP").FillAsync(prefix + ".20");
        await ranges.GetByLabel("Comment").FillAsync("lab switches");
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add range" }).ClickAsync();
        await Expect(ranges.Locator($"tr[data-range='{prefix}.10']")).ToContainTextAsync(UiHost.UserName);
        IpRange mine = Assert.Single((await ModelAsync()).RangesOf(subnet.Id), r => r.Type == IpRangeType.Reserved);
        Assert.Equal((prefix + ".10", prefix + ".20", UiHost.UserName, "lab switches"), (mine.StartIp, mine.EndIp, mine.User, mine.Comment));

        await ranges.GetByLabel("Start IP").FillAsync(prefix + ".15");
        await ranges.GetByLabel("End IP").FillAsync(prefix + ".25");
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add range" }).ClickAsync();
        const string conflict = "Requested reserved range conflicts with an existing range.";
        await Expect(ranges.GetByTestId("range-error")).ToHaveTextAsync($"start_ip: {conflict} end_ip: {conflict}");
        Assert.Equal(2, (await ModelAsync()).RangesOf(subnet.Id).Count());
        await page.ScreenshotAsync("subnet-ranges");

        await ranges.GetByRole(AriaRole.Button, new() { Name = $"Delete range {prefix}.10" }).ClickAsync();
        await ranges.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {prefix}.10–{prefix}.20" }).ClickAsync();
        await Expect(ranges.Locator($"tr[data-range='{prefix}.10']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        IpRange left = Assert.Single((await ModelAsync()).RangesOf(subnet.Id));
        Assert.Equal(IpRangeType.Dynamic, left.Type);
    }
}
