using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// Bond and bridge create forms with an IP mode and subnet (MAAS's UI create form), saved with the new interface; an
/// incomplete link refused with nothing created; an existing bond's parameters edited (a negative MII interval refused).
/// Each result checked in the store.
/// </summary>
[Collection(UiTests.Name)]
public sealed class BondLinkFormTests(UiHost host)
{
    private static MacAddress NewMac() => MacAddress.Parse($"52:54:02:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}");

    [Fact(Timeout = 120_000)]
    public async Task A_bond_and_a_bridge_are_created_linked_and_the_bond_parameters_edited()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"bondlink-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = (await store.FindAsync(id, ct))!;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth7", MacAddress = NewMac() });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth8", MacAddress = NewMac() });
        await store.SaveAsync(machine, ct);
        string first = machine.Interfaces[0].Name;
        string cidr = $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(0, 250)}.0/24";
        await host.Services.GetRequiredService<NetworkOperations>().CreateSubnetAsync(
            Core.Users.Actor.User(UiHost.AdminName, isAdmin: true), new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [cidr] }), ct);

        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator forms = page.GetByTestId("interface-edit-forms");

        await forms.GetByLabel("Bond name").FillAsync("bond0");
        await forms.GetByLabel($"Bond parent {first}").CheckAsync();
        await forms.GetByLabel("Bond parent eth7").CheckAsync();
        await forms.GetByLabel("Bond IP mode").SelectOptionAsync("auto");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToHaveTextAsync("subnet: This field is required.");
        Assert.DoesNotContain((await store.FindAsync(id, ct))!.Interfaces, i => i.Name == "bond0");

        await forms.GetByLabel("Bond subnet").SelectOptionAsync(new SelectOptionValue { Label = cidr });
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bond bond0 created.");
        NetworkInterface bond = (await store.FindAsync(id, ct))!.Interfaces.Single(i => i.Name == "bond0");
        InterfaceLink link = Assert.Single(bond.Links);
        Assert.Equal((LinkMode.Auto, cidr), (link.Mode, link.Subnet));

        await forms.GetByLabel("Bridge parent").SelectOptionAsync(new SelectOptionValue { Label = "eth8" });
        await forms.GetByLabel("Bridge IP mode").SelectOptionAsync("dhcp");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bridge" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bridge created.");
        NetworkInterface bridge = (await store.FindAsync(id, ct))!.Interfaces.Single(i => i.Name == "br-eth8");
        Assert.Equal(LinkMode.Dhcp, Assert.Single(bridge.Links).Mode);

        ILocator bondForm = page.GetByTestId("bond-parameters");
        await Expect(bondForm.GetByLabel("MII monitoring (ms)")).ToHaveValueAsync("100");
        await bondForm.GetByLabel("MII monitoring (ms)").FillAsync("-5");
        await bondForm.GetByRole(AriaRole.Button, new() { Name = "Save bond parameters" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToHaveTextAsync("bond_miimon: Ensure this value is greater than or equal to 0.");
        Assert.Equal(100, (await store.FindAsync(id, ct))!.Interfaces.Single(i => i.Name == "bond0").Params.BondMiimon);

        await bondForm.GetByLabel("Mode of the bond").SelectOptionAsync("802.3ad");
        await bondForm.GetByLabel("MII monitoring (ms)").FillAsync("250");
        await bondForm.GetByLabel("LACP rate").SelectOptionAsync("fast");
        await bondForm.GetByLabel("Transmit hash policy").SelectOptionAsync("layer3+4");
        await bondForm.GetByRole(AriaRole.Button, new() { Name = "Save bond parameters" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bond bond0 parameters saved.");
        await page.ScreenshotAsync("machine-bond-link");
        await page.Context.CloseAsync();

        InterfaceParams saved = (await store.FindAsync(id, ct))!.Interfaces.Single(i => i.Name == "bond0").Params;
        Assert.Equal(("802.3ad", 250, "fast", "layer3+4"), (saved.BondMode, saved.BondMiimon, saved.BondLacpRate, saved.BondXmitHashPolicy));
    }
}
