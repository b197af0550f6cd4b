using Ingot.Core.Config;

namespace Ingot.Core.Tests.Fakes;

/// <summary>The one fake of <see cref="IConfigStore"/>: a dictionary.</summary>
public sealed class InMemoryConfigStore : IConfigStore
{
    private readonly Dictionary<string, string> _values = [];

    public Task<string?> GetAsync(string name, CancellationToken ct) => Task.FromResult(_values.GetValueOrDefault(name));

    public Task SetAsync(string name, string value, CancellationToken ct)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(_values));
}
