using System.Net;
using Ingot.Core.Networks;

namespace Ingot.Core.Tests.Networks;

public sealed class SubnetUsageTests
{
    private static readonly CancellationToken s_ct = NetworkFixture.Ct;

    [Fact]
    public async Task The_next_free_address_skips_the_gateway_ranges_allocations_and_link_addresses()
    {
        var net = new NetworkFixture();
        Subnet subnet = await net.SubnetAsync("192.168.10.0/24", ("gateway_ip", "192.168.10.1"), ("dns_servers", "192.168.10.2"));
        await net.RangeAsync("reserved", "192.168.10.3", "192.168.10.9");
        await net.Operations.ReserveAsync(NetworkFixture.Admin, null, "192.168.10.10", null, null, s_ct);

        var usage = new SubnetUsage(await net.ModelAsync(), subnet, ["192.168.10.11"]);

        Assert.Equal(IPAddress.Parse("192.168.10.12"), usage.NextFree());
        Assert.False(usage.IsFree(IPAddress.Parse("192.168.10.1")));
        Assert.False(usage.IsFree(IPAddress.Parse("192.168.10.5")));
        Assert.True(usage.IsFree(IPAddress.Parse("192.168.10.5"), requested: true));
        Assert.False(usage.IsFree(IPAddress.Parse("192.168.10.255")));
        Assert.Equal((UInt128)254, usage.Total);
        Assert.Equal((UInt128)(254 - 11), usage.Available);
    }

    [Fact]
    public async Task Reserved_runs_merge_touching_spans_and_keep_their_purposes()
    {
        var net = new NetworkFixture();
        Subnet subnet = await net.SubnetAsync("10.9.0.0/24", ("gateway_ip", "10.9.0.99"));
        await net.RangeAsync("dynamic", "10.9.0.100", "10.9.0.200");

        IReadOnlyList<AddressSpan> reserved = new SubnetUsage(await net.ModelAsync(), subnet, []).Reserved();

        AddressSpan span = Assert.Single(reserved);
        Assert.Equal(("10.9.0.99", "10.9.0.200", (UInt128)102), (span.Start.ToString(), span.End.ToString(), span.Size));
        Assert.Equal(["gateway-ip", "dynamic"], span.Purposes.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task A_full_subnet_has_no_next_free_address_and_reserving_says_so()
    {
        var net = new NetworkFixture();
        Subnet subnet = await net.SubnetAsync("10.8.0.0/30");
        await net.Operations.ReserveAsync(NetworkFixture.Admin, "10.8.0.0/30", null, null, null, s_ct);
        await net.Operations.ReserveAsync(NetworkFixture.Admin, "10.8.0.0/30", null, null, null, s_ct);

        var exhausted = await Assert.ThrowsAsync<Machines.MachineOperationException>(() =>
            net.Operations.ReserveAsync(NetworkFixture.Admin, "10.8.0.0/30", null, null, null, s_ct));

        Assert.Null(new SubnetUsage(await net.ModelAsync(), subnet, []).NextFree());
        Assert.Equal((Machines.ErrorCategory.ServiceUnavailable, "No more IPs available in subnet: 10.8.0.0/30."), (exhausted.Category, exhausted.Message));
    }

    [Fact]
    public async Task An_IPv6_subnet_counts_every_address_but_the_network_address_and_allocates_after_it()
    {
        var net = new NetworkFixture();
        Subnet subnet = await net.SubnetAsync("2001:db8::/64");

        var usage = new SubnetUsage(await net.ModelAsync(), subnet, []);

        Assert.Equal((UInt128.One << 64) - 1, usage.Total);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), usage.NextFree());
    }

    [Theory]
    [InlineData("10.1.2.3/24", "10.1.2.0/24")]
    [InlineData("10.1.2.0/32", "10.1.2.0/32")]
    [InlineData("2001:db8::1/48", "2001:db8::/48")]
    [InlineData("10.1.2.0", null)]
    [InlineData("10.1.2.0/33", null)]
    [InlineData("10.1.2/24", null)]
    [InlineData("host/24", null)]
    public void A_CIDR_is_parsed_to_its_canonical_network_or_refused(string text, string? expected)
    {
        Assert.Equal(expected, IpNumbers.ParseCidr(text)?.ToString());
    }
}
