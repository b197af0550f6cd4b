using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class DhcpServiceTests
{
    [Fact]
    public async Task Without_boot_interfaces_the_service_stops_at_once_and_reads_no_leases()
    {
        var store = new CountingStore();
        using var service = new DhcpService(
            BootInterfaces.None, DhcpServerSettings.Default, new FixedDhcpConfigurationSource(DhcpConfiguration.Empty), store, TimeProvider.System, NullLoggerFactory.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, store.Lists);
    }

    [Fact]
    public async Task A_boot_interface_that_does_not_exist_is_skipped_without_failing_the_service()
    {
        var store = new CountingStore();
        using var service = new DhcpService(
            new BootInterfaces(["ingot-no-such-if"]), DhcpServerSettings.Default, new FixedDhcpConfigurationSource(DhcpConfiguration.Empty), store, TimeProvider.System, NullLoggerFactory.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(1, store.Lists);
        Assert.Null(DhcpService.Find("ingot-no-such-if"));
    }

    private sealed class CountingStore : IDhcpLeaseStore
    {
        public int Lists { get; private set; }

        public Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct)
        {
            Lists++;
            return Task.FromResult<IReadOnlyList<DhcpLease>>([]);
        }

        public Task SaveAsync(DhcpLease lease, CancellationToken ct) => Task.CompletedTask;

        public Task RemoveAsync(System.Net.IPAddress address, CancellationToken ct) => Task.CompletedTask;

        public Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct) => Task.CompletedTask;
    }
}
