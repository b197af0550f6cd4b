using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>The interface edit form clears tags and the VLAN as the API does (<c>tags=</c>, <c>vlan=</c>); "Set as default gateway" on a link.</summary>
[Collection(UiTests.Name)]
public sealed class InterfaceGatewayFormTests(UiHost host)
{
    private async Task<IPage> OpenAsync(string id, string username, string password, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(username, password);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_clears_an_interfaces_tags_and_VLAN_from_the_edit_form()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = await host.Admin.CreateMachineAsync($"nicclear-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        Machine machine = await host.MachineAsync(id);
        NetworkInterface nic = machine.Interfaces[0];
        nic.Tags = ["uplink", "10g"];
        nic.Vlan = 0;
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        IPage page = await OpenAsync(id, UiHost.AdminName, UiHost.AdminPassword, ct);
        ILocator forms = page.GetByTestId("interface-edit-forms");

        await forms.GetByLabel("Interface to edit").SelectOptionAsync(new SelectOptionValue { Label = nic.Name });
        await Expect(forms.GetByLabel("Interface tags")).ToHaveValueAsync("uplink, 10g");
        await forms.GetByLabel("Interface tags").FillAsync("");
        await forms.GetByLabel("Interface VLAN").SelectOptionAsync(new SelectOptionValue { Label = "(none: disconnected)" });
        await forms.GetByRole(AriaRole.Button, new() { Name = "Save interface" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interface saved.");
        await page.Context.CloseAsync();

        NetworkInterface saved = (await host.MachineAsync(id)).Interfaces[0];
        Assert.Empty(saved.Tags);
        Assert.Null(saved.Vlan);
    }

    [Fact(Timeout = 90_000)]
    public async Task The_owner_sets_a_static_link_on_a_subnet_with_a_gateway_as_the_default_gateway()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        NetworkOperations networks = host.Services.GetRequiredService<NetworkOperations>();
        NetworkModel model = await networks.LoadAsync(ct);
        string cidr = Enumerable.Range(0, 1000)
            .Select(_ => $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(256)}.0/24")
            .First(c => model.Subnets.All(s => s.Cidr != c));
        string prefix = cidr[..cidr.LastIndexOf('.')];
        await networks.CreateSubnetAsync(Core.Users.Actor.System,
            new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [cidr], ["gateway_ip"] = [$"{prefix}.1"] }), ct);
        string id = await host.Admin.CreateMachineAsync($"gateway-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        Machine machine = await host.MachineAsync(id);
        machine.TransitionTo(MachineStatus.Allocated, TimeProvider.System.GetUtcNow().UtcDateTime, UiHost.UserName);
        machine.SetOwner(UiHost.UserName);
        NetworkInterface nic = machine.Interfaces[0];
        nic.Links = [new InterfaceLink { Mode = LinkMode.Static, Subnet = cidr, IpAddress = $"{prefix}.20" }];
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        IPage page = await OpenAsync(id, UiHost.UserName, UiHost.UserPassword, ct);
        ILocator forms = page.GetByTestId("interface-link-forms");
        string label = $"{nic.Name} static {cidr}";

        await forms.GetByRole(AriaRole.Button, new() { Name = $"Set {label} as default gateway" }).ClickAsync();
        await Expect(forms.GetByTestId("link-done")).ToHaveTextAsync($"{label} is the default gateway.");
        await Expect(forms.Locator($"tr[data-link='{label}']").GetByTestId("default-gateway")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        Assert.True(Assert.Single((await host.MachineAsync(id)).Interfaces[0].Links).IsDefaultGateway);
    }
}
