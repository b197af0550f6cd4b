using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingot.Web.Tests;

/// <summary>
/// The interface forms beyond name and MTU: links (link_subnet with each mode, unlink_subnet) by the owner of an
/// Allocated machine, and an admin's VLAN and tags edit, all through Core's services with the API's refusal texts.
/// </summary>
[Collection(UiTests.Name)]
public sealed class InterfaceLinkFormTests(UiHost host)
{
    private static NetworkForm Fields(params (string Name, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[f.Value]));

    private async Task<Subnet> SubnetAsync(CancellationToken ct)
    {
        NetworkOperations networks = host.Services.GetRequiredService<NetworkOperations>();
        NetworkModel model = await networks.LoadAsync(ct);
        string cidr = Enumerable.Range(0, 1000)
            .Select(_ => $"10.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(256)}.0/24")
            .First(c => model.Subnets.All(s => s.Cidr != c));
        return await networks.CreateSubnetAsync(Core.Users.Actor.System, Fields(("cidr", cidr)), ct);
    }

    private async Task<IPage> OpenAsync(string id, string username, string password, CancellationToken ct)
    {
        IPage page = await host.NewPageAsync(ct);
        await page.LogInAsync(username, password);
        await page.GotoAsync($"MAAS/r/machine/{id}");
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact(Timeout = 90_000)]
    public async Task The_owner_of_an_allocated_machine_links_a_static_address_is_refused_one_outside_the_subnet_and_unlinks_it()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        Subnet subnet = await SubnetAsync(ct);
        string prefix = subnet.Cidr[..subnet.Cidr.LastIndexOf('.')];
        string id = await host.Admin.CreateMachineAsync($"links-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        Machine machine = await host.MachineAsync(id);
        machine.TransitionTo(MachineStatus.Allocated, TimeProvider.System.GetUtcNow().UtcDateTime, UiHost.UserName);
        machine.SetOwner(UiHost.UserName);
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, ct);
        string nic = machine.Interfaces[0].Name;
        IPage page = await OpenAsync(id, UiHost.UserName, UiHost.UserPassword, ct);
        ILocator forms = page.GetByTestId("interface-link-forms");

        await forms.GetByLabel("Subnet", new() { Exact = true }).SelectOptionAsync($"{subnet.Id}");
        await forms.GetByLabel("Link mode").SelectOptionAsync("static");
        await forms.GetByLabel("IP address").FillAsync("192.0.2.77");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Link subnet" }).ClickAsync();
        await Expect(forms.GetByTestId("link-error")).ToHaveTextAsync($"ip_address: IP address is not in the given subnet '{subnet.Name}'.");
        Assert.DoesNotContain((await host.MachineAsync(id)).Interfaces[0].Links, l => l.Mode == LinkMode.Static);

        await forms.GetByLabel("IP address").FillAsync($"{prefix}.77");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Link subnet" }).ClickAsync();
        await Expect(forms.GetByTestId("link-done")).ToHaveTextAsync($"{nic} linked (static).");
        ILocator row = forms.Locator($"tr[data-link='{nic} static {subnet.Cidr}']");
        await Expect(row).ToContainTextAsync($"{prefix}.77");
        await page.ScreenshotAsync("machine-interface-links");

        await forms.GetByRole(AriaRole.Button, new() { Name = $"Unlink {nic} static {subnet.Cidr}" }).ClickAsync();
        await Expect(forms.GetByTestId("link-done")).ToHaveTextAsync($"{nic} static {subnet.Cidr} unlinked.");
        await Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        Assert.DoesNotContain((await host.MachineAsync(id)).Interfaces[0].Links, l => l.Mode == LinkMode.Static);
    }

    [Fact(Timeout = 90_000)]
    public async Task An_admin_sets_an_interface_VLAN_tags_and_MTU_after_a_refused_MTU_changed_nothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        NetworkModel model = await host.Services.GetRequiredService<NetworkOperations>().LoadAsync(ct);
        Vlan untagged = model.Vlans.Single(v => v.FabricId == Fabric.DefaultId && v.Vid == 0);
        string id = await host.Admin.CreateMachineAsync($"nictags-{MachineListTests.Unique()}");
        await host.ReadyAsync(id, 0);
        string nic = (await host.MachineAsync(id)).Interfaces[0].Name;
        IPage page = await OpenAsync(id, UiHost.AdminName, UiHost.AdminPassword, ct);
        ILocator forms = page.GetByTestId("interface-edit-forms");

        await forms.GetByLabel("Interface to edit").SelectOptionAsync(new SelectOptionValue { Label = nic });
        await forms.GetByLabel("Interface VLAN").SelectOptionAsync($"{untagged.Id}");
        await forms.GetByLabel("Interface tags").FillAsync("uplink, 10g");
        await forms.GetByLabel("MTU").FillAsync("100");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Save interface" }).ClickAsync();
        await Expect(forms.GetByTestId("interface-error")).ToContainTextAsync("mtu:");
        Assert.Empty((await host.MachineAsync(id)).Interfaces[0].Tags);

        await forms.GetByLabel("MTU").FillAsync("9000");
        await forms.GetByRole(AriaRole.Button, new() { Name = "Save interface" }).ClickAsync();
        await Expect(forms.GetByRole(AriaRole.Status)).ToHaveTextAsync("Interface saved.");
        await page.Context.CloseAsync();

        NetworkInterface saved = (await host.MachineAsync(id)).Interfaces[0];
        Assert.Equal(["uplink", "10g"], saved.Tags);
        Assert.Equal((0, 9000), (saved.Vlan, saved.Params.Mtu));
    }
}
