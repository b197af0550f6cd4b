using System.Collections.Concurrent;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
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

/// <summary>The bulk ops on <c>machines/</c> submit the power their machines asked for, as the per-machine ops do.</summary>
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
}
