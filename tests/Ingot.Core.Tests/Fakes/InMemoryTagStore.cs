using Ingot.Core.Forms;
using Ingot.Core.Tags;

namespace Ingot.Core.Tests.Fakes;

/// <summary>An <see cref="ITagStore"/> in memory, for Core tests (machines are not rewritten on rename or delete).</summary>
public sealed class InMemoryTagStore : ITagStore
{
    private readonly Dictionary<string, Tag> _tags = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Tag>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Tag>>([.. _tags.Values.OrderBy(t => t.Name, StringComparer.Ordinal)]);

    public Task<Tag?> FindAsync(string name, CancellationToken ct) => Task.FromResult(_tags.GetValueOrDefault(name));

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => Task.FromResult(_tags.ContainsKey(name));

    public Task<IReadOnlyList<string>> MachinesAsync(string name, CancellationToken ct) => throw new NotSupportedException();

    public Task AddAsync(Tag tag, CancellationToken ct)
    {
        if (!_tags.TryAdd(tag.Name, tag))
        {
            throw FormErrors.OnField("name", TagForm.NameTaken);
        }

        tag.Id = _tags.Count;
        return Task.CompletedTask;
    }

    public Task<bool> UpdateAsync(Tag tag, CancellationToken ct)
    {
        string? old = _tags.Values.FirstOrDefault(t => t.Id == tag.Id)?.Name;
        if (old is null)
        {
            return Task.FromResult(false);
        }

        _tags.Remove(old);
        _tags[tag.Name] = tag;
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct) => Task.FromResult(_tags.Remove(name));
}
