using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The bond create form in STATIC mode, through Core's <c>InterfaceEditing</c> as the API: an address outside the subnet
/// and one already in use are refused with MAAS's texts and nothing is made or claimed; a free one is held by the new
/// bond. The interfaces table marks the boot interface in its PXE column. Each result checked in the stores.
/// </summary>
[Collection(UiTests.Name)]
public sealed class BondStaticFormTests(UiHost host)
{
    private static MacAddress NewMac() => MacAddress.Parse($"52:54:03:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}");

    [Fact(Timeout = 120_000)]
    public async Task A_bond_created_static_is_refused_outside_the_subnet_and_on_a_used_address_and_holds_a_free_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"bondstatic-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = (await store.FindAsync(id, ct))!;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth5", MacAddress = NewMac() });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth6", MacAddress = NewMac() });
        machine.RecordBootInterface(machine.Interfaces.Single(i => i.Name == "eth6").MacAddress);
        await store.SaveAsync(machine, ct);
        string prefix = $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(0, 250)}";
        string cidr = $"{prefix}.0/24";
        var admin = Core.Users.Actor.User(UiHost.AdminName, isAdmin: true);
        NetworkOperations networks = host.Services.GetRequiredService<NetworkOperations>();
        await networks.CreateSubnetAsync(admin, new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [cidr] }), ct);
        await networks.ReserveAsync(admin, cidr, $"{prefix}.9", null, null, ct);

        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator rows = page.GetByTestId("interfaces").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "eth6" }).GetByTestId("pxe")).ToHaveTextAsync("boot interface");
        await Expect(rows.Filter(new() { HasText = "eth5" }).GetByTestId("pxe")).ToHaveTextAsync("");
        ILocator forms = page.GetByTestId("interface-edit-forms");

        await forms.GetByLabel("Bond name").FillAsync("bond5");
        await forms.GetByLabel("Bond parent eth5").CheckAsync();
        await forms.GetByLabel("Bond IP mode").SelectOptionAsync("static");
        await forms.GetByLabel("Bond subnet").SelectOptionAsync(new SelectOptionValue { Label = cidr });
        await forms.GetByLabel("Bond IP address (static)").FillAsync("10.1.2.3");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToHaveTextAsync($"ip_address: IP address is not in the given subnet '{cidr}'.");

        await forms.GetByLabel("Bond IP address (static)").FillAsync($"{prefix}.9");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToContainTextAsync($"The IP address {prefix}.9 is already in use.");
        Assert.DoesNotContain((await store.FindAsync(id, ct))!.Interfaces, i => i.Name == "bond5");

        await forms.GetByLabel("Bond IP address (static)").FillAsync($"{prefix}.10");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bond bond5 created.");
        await page.ScreenshotAsync("machine-bond-static");
        await page.Context.CloseAsync();

        NetworkInterface bond = (await store.FindAsync(id, ct))!.Interfaces.Single(i => i.Name == "bond5");
        InterfaceLink link = Assert.Single(bond.Links);
        Assert.Equal((LinkMode.Static, cidr, $"{prefix}.10"), (link.Mode, link.Subnet, link.IpAddress));
        NetworkModel model = await host.Services.GetRequiredService<INetworkStore>().LoadAsync(ct);
        Assert.Equal(bond.Id, Assert.Single(model.IpAddresses, a => a.Ip == $"{prefix}.10").InterfaceId);
        Assert.Equal([$"{prefix}.10", $"{prefix}.9"], model.IpAddresses.Where(a => a.Ip!.StartsWith(prefix + ".", StringComparison.Ordinal)).Select(a => a.Ip!).Order(StringComparer.Ordinal));
    }
}
