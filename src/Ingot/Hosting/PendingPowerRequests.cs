using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ingot.Core.Power;

namespace Ingot.Hosting;

/// <summary>
/// The machines whose operations asked for power, in order, for <see cref="PowerExecutorService"/>. A
/// machine is queued once: submitting one that is queued already (the recovery pass submits every stored
/// request every few seconds) adds nothing, so a backlog of thousands is not read again and again. It can be
/// submitted again as soon as the executor has taken it (<see cref="TakeAllAsync"/>), for a request made meanwhile.
/// </summary>
public sealed class PendingPowerRequests : IPowerRequests
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    /// <summary>How many machines are queued and not taken yet.</summary>
    public int Count => _queued.Count;

    public void Submit(string systemId)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        if (_queued.TryAdd(systemId, 0) && !_channel.Writer.TryWrite(systemId))
        {
            _queued.TryRemove(systemId, out _);
        }
    }

    /// <summary>The queued machines as the executor takes them; each leaves the queue when it is taken.</summary>
    public async IAsyncEnumerable<string> TakeAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (string systemId in _channel.Reader.ReadAllAsync(ct))
        {
            _queued.TryRemove(systemId, out _);
            yield return systemId;
        }
    }
}
