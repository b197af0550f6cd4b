using System.Net;
using Ingot.Core.Cloning;

namespace Ingot.Core.Tests.Cloning;

public class AddressAllocatorTests
{
    [Fact]
    public void Ipv4_skips_network_broadcast_and_used_addresses_then_runs_out()
    {
        var used = new HashSet<IPAddress> { IPAddress.Parse("10.0.0.1") };
        IPAddress? first = AddressAllocator.Allocate("10.0.0.0/30", used);
        Assert.Equal(IPAddress.Parse("10.0.0.2"), first);
        used.Add(first!);
        Assert.Null(AddressAllocator.Allocate("10.0.0.0/30", used));
    }

    [Fact]
    public void Ipv4_slash_31_and_32_use_every_address()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.0"), AddressAllocator.Allocate("10.0.0.0/31", new HashSet<IPAddress>()));
        Assert.Equal(IPAddress.Parse("10.0.0.7"), AddressAllocator.Allocate("10.0.0.7/32", new HashSet<IPAddress>()));
    }

    [Fact]
    public void Ipv6_skips_the_subnet_router_address_and_used_ones()
    {
        var used = new HashSet<IPAddress> { IPAddress.Parse("2001:db8::1") };
        Assert.Equal(IPAddress.Parse("2001:db8::2"), AddressAllocator.Allocate("2001:db8::/64", used));
    }

    [Fact]
    public void Allocated_address_is_in_the_subnet()
    {
        IPAddress address = AddressAllocator.Allocate("192.168.10.0/24", new HashSet<IPAddress>())!;
        Assert.True(AddressAllocator.Contains("192.168.10.0/24", address));
        Assert.False(AddressAllocator.IsSubnet("not-a-subnet"));
    }
}
