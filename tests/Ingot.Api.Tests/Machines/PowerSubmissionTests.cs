using System.Collections.Concurrent;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Sim.Redfish;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>An API host whose power layer records what the ops submit instead of driving BMCs.</summary>
public sealed class PowerRecordingHost : ApiHost
{
    public PowerRecordingHost()
        : this(new RecordedPowerRequests())
    {
    }

    private PowerRecordingHost(RecordedPowerRequests requests)
        : base(services => services.AddSingleton<IPowerRequests>(requests)) => Requests = requests;

    public RecordedPowerRequests Requests { get; }
}

public sealed class RecordedPowerRequests : IPowerRequests
{
    private readonly ConcurrentQueue<string> _submitted = new();

    public IReadOnlyCollection<string> Submitted => _submitted;

    public void Submit(string systemId) => _submitted.Enqueue(systemId);
}

/// <summary>
/// The bulk ops on <c>machines/</c> submit the power their machines asked for, as the per-machine ops do; so do
/// <c>create</c> and <c>add_chassis</c> (Core's <c>MachineAdding</c>, which the web UI's add pages call too).
/// </summary>
public sealed class PowerSubmissionTests(PowerRecordingHost host) : IClassFixture<PowerRecordingHost>
{
    private static void Ipmi(Machine m, PowerState state)
    {
        m.PowerType = "ipmi";
        m.PowerParameters = new() { ["power_address"] = "127.0.0.1:9" };
        m.PowerState = state;
    }

    [Fact]
    public async Task Bulk_release_submits_the_power_off_of_each_released_machine()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine on = await host.AllocatedAsync(user, m => Ipmi(m, PowerState.On));
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "release", ("machines", on.SystemId));
        await response.OkJsonAsync();

        Assert.Contains(on.SystemId, host.Requests.Submitted);
        Assert.Equal(PowerRequest.Off, (await host.FindAsync(on.SystemId))!.RequestedPower);
    }

    [Fact]
    public async Task Bulk_accept_submits_the_power_on_of_each_machine_that_starts_commissioning()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine fresh = await host.NewAsync();
        Machine stored = (await host.FindAsync(fresh.SystemId))!;
        Ipmi(stored, PowerState.Off);
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(stored, TestContext.Current.CancellationToken);

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "accept", ("machines", fresh.SystemId));
        await response.OkJsonAsync();

        Assert.Contains(fresh.SystemId, host.Requests.Submitted);
        Machine after = (await host.FindAsync(fresh.SystemId))!;
        Assert.Equal((MachineStatus.Commissioning, PowerRequest.On), (after.Status, after.RequestedPower));
    }

    [Fact]
    public async Task A_per_machine_op_submits_its_power_and_an_op_without_power_submits_nothing()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.AllocatedAsync(user, m =>
        {
            Ipmi(m, PowerState.Off);
            m.SetLocked(true);
        });
        using var unlocked = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "unlock");
        await unlocked.OkJsonAsync();
        Assert.DoesNotContain(machine.SystemId, host.Requests.Submitted);
        Assert.False((await host.FindAsync(machine.SystemId))!.Locked);

        using var off = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "power_off");
        await off.OkJsonAsync();
        Assert.Contains(machine.SystemId, host.Requests.Submitted);
    }

    [Fact]
    public async Task Create_submits_the_power_on_of_an_admins_machine_and_nothing_for_a_users_or_a_refused_one()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        static (string Name, string Value)[] Form(string mac) =>
        [
            ("architecture", "amd64/generic"), ("mac_addresses", mac), ("power_type", "ipmi"),
            ("power_parameters_power_address", "127.0.0.1:9"), ("power_parameters_power_user", "u"), ("power_parameters_power_pass", "p"),
        ];
        string tail = $"{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}";

        using var added = await CreateAsync(host.Client(admin.ApiKey), Form($"52:54:07:{tail}:01"));
        string commissioning = (await added.OkJsonAsync()).GetProperty("system_id").GetString()!;
        using var declared = await CreateAsync(host.Client(user.ApiKey), Form($"52:54:07:{tail}:02"));
        string fresh = (await declared.OkJsonAsync()).GetProperty("system_id").GetString()!;
        int before = (await host.Services.GetRequiredService<IMachineStore>().ListAsync(TestContext.Current.CancellationToken)).Count;
        using var refused = await CreateAsync(host.Client(admin.ApiKey), [.. Form($"52:54:07:{tail}:03"), ("zone", "no-such-zone")]);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, (await host.Services.GetRequiredService<IMachineStore>().ListAsync(TestContext.Current.CancellationToken)).Count);
        Assert.Equal((MachineStatus.Commissioning, PowerRequest.On), await StatusAndRequestAsync(commissioning));
        Assert.Contains(commissioning, host.Requests.Submitted);
        Assert.Equal((MachineStatus.New, PowerRequest.None), await StatusAndRequestAsync(fresh));
        Assert.DoesNotContain(fresh, host.Requests.Submitted);
    }

    [Fact]
    public async Task Add_chassis_with_accept_all_submits_the_power_on_of_each_machine_it_adds()
    {
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemIds = ["sub-1", "sub-2"] }, TestContext.Current.CancellationToken);
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = bmc.BaseAddress.ToString();

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "add_chassis",
            ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "password"), ("accept_all", "true"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        List<Machine> added = [.. (await host.Services.GetRequiredService<IMachineStore>().ListAsync(TestContext.Current.CancellationToken))
            .Where(m => m.PowerParameters.GetValueOrDefault("power_address") == address)];
        Assert.Equal(2, added.Count);
        Assert.All(added, m =>
        {
            Assert.Equal((MachineStatus.Commissioning, PowerRequest.On), (m.Status, m.RequestedPower));
            Assert.Contains(m.SystemId, host.Requests.Submitted);
        });
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, (string Name, string Value)[] fields)
    {
        using (client)
        {
            return await client.PostAsync(MachineRequests.Machines, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), TestContext.Current.CancellationToken);
        }
    }

    private async Task<(MachineStatus, PowerRequest)> StatusAndRequestAsync(string systemId)
    {
        Machine machine = (await host.FindAsync(systemId))!;
        return (machine.Status, machine.RequestedPower);
    }
}
