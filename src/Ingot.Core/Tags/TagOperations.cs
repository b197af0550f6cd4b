using Ingot.Core.Forms;
using Ingot.Core.Users;

namespace Ingot.Core.Tags;

/// <summary>
/// The <c>tags/</c> and <c>tags/{name}/</c> operations (<c>TagsHandler</c>, <c>TagHandler</c>):
/// anyone may read; only admins create, update and delete. Renaming or deleting a tag updates
/// the machines that carry it. A definition is checked as MAAS's <c>TagForm</c> checks it, and a tag
/// created with one, or whose definition changes, is put on exactly the machines it matches
/// (<see cref="TagEvaluation.PopulateAsync"/>) before the call returns.
/// </summary>
public sealed class TagOperations(ITagStore store, TagEvaluation evaluation, TimeProvider time)
{
    public Task<IReadOnlyList<Tag>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The tag, or 404 "No Tag matches the given query.".</summary>
    public async Task<Tag> GetAsync(string name, CancellationToken ct) =>
        await store.FindAsync(name, ct) ?? throw NotFound.Of("Tag");

    /// <summary>The system ids of the machines carrying the tag (404 for an unknown tag).</summary>
    public async Task<IReadOnlyList<string>> MachinesAsync(string name, CancellationToken ct)
    {
        Tag tag = await GetAsync(name, ct);
        return await store.MachinesAsync(tag.Name, ct);
    }

    public async Task<Tag> CreateAsync(
        Actor actor, string? name, string? definition, string? comment, string? kernelOpts, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        TagForm.Check(name);
        TagDefinition.Check(definition);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var tag = new Tag
        {
            Name = name!,
            Definition = definition ?? "",
            Comment = comment ?? "",
            KernelOpts = kernelOpts ?? "",
            Created = now,
            Updated = now,
        };
        await store.AddAsync(tag, ct);
        await evaluation.PopulateAsync(tag, ct);
        return tag;
    }

    /// <summary>Changes the given fields; a null argument leaves that field as it is.</summary>
    public async Task<Tag> UpdateAsync(
        Actor actor, string name, string? newName, string? definition, string? comment, string? kernelOpts, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Tag tag = await GetAsync(name, ct);
        if (newName is not null)
        {
            TagForm.Check(newName);
            tag.Name = newName;
        }

        TagDefinition.Check(definition);
        bool redefined = definition is not null && definition != tag.Definition;
        tag.Definition = definition ?? tag.Definition;
        tag.Comment = comment ?? tag.Comment;
        tag.KernelOpts = kernelOpts ?? tag.KernelOpts;
        tag.Updated = time.GetUtcNow().UtcDateTime;
        if (!await store.UpdateAsync(tag, ct))
        {
            throw NotFound.Of("Tag");
        }

        if (redefined)
        {
            await evaluation.PopulateAsync(tag, ct);
        }

        return tag;
    }

    /// <summary>MAAS's <c>rebuild</c> op (admin): evaluates the tag's definition on every machine again.</summary>
    public async Task<Tag> RebuildAsync(Actor actor, string name, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Tag tag = await GetAsync(name, ct);
        await evaluation.PopulateAsync(tag, ct);
        return tag;
    }

    public async Task DeleteAsync(Actor actor, string name, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        if (!await store.DeleteAsync(name, ct))
        {
            throw NotFound.Of("Tag");
        }
    }
}
