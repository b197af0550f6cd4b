namespace Ingot.Core.Networks;

/// <summary>
/// A counter that goes up whenever this process changes the network model or a machine's links:
/// what <see cref="Boot.IDhcpConfigurationSource.Version"/> reports, so the DHCP server knows to reload.
/// </summary>
public sealed class NetworkModelVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
