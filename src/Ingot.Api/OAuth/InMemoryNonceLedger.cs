using Ingot.Core.Users;
using Microsoft.Extensions.Options;

namespace Ingot.Api.OAuth;

/// <summary>
/// An <see cref="INonceLedger"/> in this process's memory: right for one region. Entries are
/// dropped once their time has passed (a replay after that fails the timestamp check anyway).
/// When <see cref="ApiOptions.NonceCapacity"/> live nonces are held, new requests are refused
/// (503 with <c>Retry-After</c>) rather than forgetting a nonce that could then be replayed.
/// Several regions need a ledger in the shared database instead.
/// </summary>
internal sealed class InMemoryNonceLedger(TimeProvider time, IOptions<ApiOptions> options) : INonceLedger
{
    private readonly Dictionary<(string Consumer, string Token, string Nonce), DateTimeOffset> _seen = [];
    private readonly PriorityQueue<(string Consumer, string Token, string Nonce), DateTimeOffset> _expiry = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    public ValueTask<bool> TryRecordAsync(string consumerKey, string tokenKey, string nonce, DateTimeOffset keepUntil, CancellationToken ct)
    {
        var key = (consumerKey, tokenKey, nonce);
        lock (_lock)
        {
            Purge(time.GetUtcNow());
            if (_seen.ContainsKey(key))
            {
                return ValueTask.FromResult(false);
            }

            if (_seen.Count >= options.Value.NonceCapacity)
            {
                throw Wire.ApiException.ServiceUnavailable("Too many recent requests to check for replays; retry shortly.", Dispatch.ApiErrors.RetryAfterSeconds);
            }

            _seen[key] = keepUntil;
            _expiry.Enqueue(key, keepUntil);
            return ValueTask.FromResult(true);
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_expiry.TryPeek(out var key, out DateTimeOffset until) && until < now)
        {
            _expiry.Dequeue();
            _seen.Remove(key);
        }
    }
}
