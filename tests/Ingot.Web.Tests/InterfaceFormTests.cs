using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The interface forms of a machine's page: a bond of two NICs, a VLAN on it, a refused delete, an edit.</summary>
[Collection(UiTests.Name)]
public sealed class InterfaceFormTests(UiHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task A_bond_of_two_NICs_and_a_VLAN_on_it_are_made_in_the_forms_and_shown_in_the_table()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"nic-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = (await store.FindAsync(id, ct))!;
        machine.Interfaces.Add(new NetworkInterface { Name = "eth7", MacAddress = MacAddress.Parse($"52:54:01:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}") });
        await store.SaveAsync(machine, ct);
        string first = machine.Interfaces[0].Name;
        NetworkModel model = await host.Services.GetRequiredService<NetworkOperations>().LoadAsync(ct);
        int vid = Enumerable.Range(2, 4000).Select(v => v + Random.Shared.Next(90)).First(v => model.Vlans.All(x => x.Vid != v));
        await host.Services.GetRequiredService<NetworkOperations>().CreateVlanAsync(
            Core.Users.Actor.System, "0", new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["vid"] = [$"{vid}"] }), new HashSet<string>(), ct);

        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(UiHost.AdminName, UiHost.AdminPassword);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        ILocator forms = page.GetByTestId("interface-edit-forms");

        await forms.GetByLabel("Bond name").FillAsync("bond0");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToHaveTextAsync("parents: A bond interface must have one or more parents.");
        await forms.GetByLabel($"Bond parent {first}").CheckAsync();
        await forms.GetByLabel("Bond parent eth7").CheckAsync();
        await forms.GetByLabel("Bond mode").SelectOptionAsync("active-backup");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Create bond" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bond bond0 created.");

        await forms.GetByLabel("VLAN parent").SelectOptionAsync(new SelectOptionValue { Label = "bond0" });
        await forms.GetByLabel("VLAN", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{vid}" });
        await forms.GetByRole(AriaRole.Button, new() { Name = "Add VLAN" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("VLAN interface added.");
        ILocator table = page.GetByTestId("interfaces");
        await Expect(table).ToContainTextAsync("bond0");
        await Expect(table).ToContainTextAsync($"bond0.{vid}");

        await forms.GetByLabel("Interface to edit").SelectOptionAsync(new SelectOptionValue { Label = "eth7" });
        await forms.GetByRole(AriaRole.Button, new() { Name = "Delete interface" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToHaveTextAsync("Cannot delete interface eth7 because it is a parent of bond bond0; delete bond0 first.");
        await page.ScreenshotAsync("machine-interface-forms");
        await page.Context.CloseAsync();

        Machine after = (await store.FindAsync(id, ct))!;
        NetworkInterface bond = after.Interfaces.Single(i => i.Name == "bond0");
        Assert.Equal((InterfaceType.Bond, "active-backup"), (bond.Type, bond.Params.BondMode));
        Assert.Equal([first, "eth7"], bond.Parents);
        NetworkInterface vlan = after.Interfaces.Single(i => i.Type == InterfaceType.Vlan);
        Assert.Equal(($"bond0.{vid}", vid), (vlan.Name, vlan.Vlan));
        Assert.Contains(after.Interfaces, i => i.Name == "eth7");
    }
}
