using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ingot.Sim.Redfish;

/// <summary>The virtual BMC's sessions: created by login (POST to Sessions), found by <c>X-Auth-Token</c>, deleted by DELETE.</summary>
public sealed class RedfishSessions
{
    private readonly ConcurrentDictionary<string, (string Token, string User)> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByToken = new(StringComparer.Ordinal);
    private int _next;

    public (string Id, string Token) Create(string user)
    {
        string id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _byId[id] = (token, user);
        _idByToken[token] = id;
        return (id, token);
    }

    public bool IsValid(string token) => _idByToken.ContainsKey(token);

    public IReadOnlyList<string> Ids => [.. _byId.Keys.Order(StringComparer.Ordinal)];

    public string? User(string id) => _byId.TryGetValue(id, out var session) ? session.User : null;

    public bool Delete(string id)
    {
        if (!_byId.TryRemove(id, out var session))
        {
            return false;
        }

        _idByToken.TryRemove(session.Token, out _);
        return true;
    }
}
