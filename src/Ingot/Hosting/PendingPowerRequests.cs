using System.Threading.Channels;
using Ingot.Core.Power;

namespace Ingot.Hosting;

/// <summary>The machines whose operations asked for power, in order, for <see cref="PowerExecutorService"/>.</summary>
public sealed class PendingPowerRequests : IPowerRequests
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => _channel.Reader;

    public void Submit(string systemId) => _channel.Writer.TryWrite(systemId);
}
