using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.BootResources;

/// <summary>
/// The <c>boot-resources/</c> operations (<c>BootResourcesHandler</c>, <c>BootResourceHandler</c>,
/// <c>BootResourceFileUploadHandler</c>): anyone may read; only admins upload and delete. An upload makes a
/// new set (version <c>YYYYMMDD</c>, then <c>YYYYMMDD.1</c>…, label <c>uploaded</c>) with one file, whose
/// content comes with the request or later in chunks; content already stored completes it at once.
/// </summary>
public sealed class BootResourceOperations(IBootResourceStore store, IBootResourceContent content, TimeProvider time)
{
    public const string UploadedLabel = "uploaded";

    public async Task<IReadOnlyList<BootResource>> ListAsync(string? type, CancellationToken ct)
    {
        BootResourceType? only = type switch
        {
            null or "all" => null,
            "synced" => BootResourceType.Synced,
            "uploaded" => BootResourceType.Uploaded,
            _ => throw MachineOperationException.Validation($"'{type}' is not a valid boot resource type. Available types: ['synced', 'uploaded']"),
        };
        return await store.ListAsync(only, ct);
    }

    /// <summary>The resource, or 404 "No BootResource matches the given query.".</summary>
    public async Task<BootResource> GetAsync(string id, CancellationToken ct) =>
        (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long key) ? await store.FindAsync(key, ct) : null)
        ?? throw NotFound.Of("BootResource");

    /// <summary>An upload as the API receives it; <paramref name="data"/> is the content when the request carried it.</summary>
    public async Task<BootResource> CreateAsync(Actor actor, BootResourceForm.Upload upload, Stream? data, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        return await AddUploadAsync(upload, data, ct);
    }

    /// <summary>An upload without a caller (the <c>ingot</c> command line): the same rules, no permission check.</summary>
    public async Task<BootResource> AddUploadAsync(BootResourceForm.Upload upload, Stream? data, CancellationToken ct)
    {
        StoredContent? stored = null;
        if (data is not null)
        {
            try
            {
                stored = await content.StoreAsync(data, upload.Expected, null, ct);
            }
            catch (ContentMismatchException)
            {
                throw FormErrors.OnField("content", "Saved content does not match given SHA256 value.");
            }
        }

        StoredContent target = stored ?? upload.Expected!.Value;
        var file = new BootResourceFile
        {
            Filename = upload.Filename,
            FileType = upload.FileType,
            Sha256 = target.Sha256,
            Size = target.Size,
            Complete = stored is not null || content.Has(target.Sha256),
        };
        return await AddSetAsync(BootResourceType.Uploaded, upload.Name, upload.Architecture, UploadedLabel, [file], Extra(upload), upload.BaseImage, ct);
    }

    /// <summary>
    /// Records a new set of <paramref name="files"/> on the resource of this type, name and architecture,
    /// creating the resource when there is none. Its version is today's date, with <c>.N</c> when taken.
    /// </summary>
    public async Task<BootResource> AddSetAsync(
        BootResourceType type, string name, string architecture, string label, IReadOnlyList<BootResourceFile> files,
        Dictionary<string, string> extra, string baseImage, CancellationToken ct, string? version = null)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        BootResource? resource = await store.FindAsync(type, name, architecture, ct);
        var set = new BootResourceSet { Version = version ?? NextVersion(resource, now), Label = label, Files = [.. files] };
        if (resource is null)
        {
            resource = new BootResource
            {
                Type = type,
                Name = name,
                Architecture = architecture,
                Extra = extra,
                BaseImage = baseImage,
                Created = now,
                Updated = now,
                Sets = [set],
            };
            await store.AddAsync(resource, ct);
            return resource;
        }

        if (!await store.AddSetAsync(resource.Id, set, ct))
        {
            throw NotFound.Of("BootResource");
        }

        return await store.FindAsync(resource.Id, ct) ?? throw NotFound.Of("BootResource");
    }

    /// <summary>One chunk of an upload (<c>PUT boot-resources/{id}/upload/{file_id}/</c>), MAAS's errors included.</summary>
    public async Task UploadChunkAsync(Actor actor, string resourceId, string fileId, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootResource resource = await GetAsync(resourceId, ct);
        BootResourceFile file = resource.Sets.SelectMany(s => s.Files).FirstOrDefault(f => f.Id.ToString(CultureInfo.InvariantCulture) == fileId)
            ?? throw NotFound.Of("BootResourceFile");
        if (chunk.Length == 0)
        {
            throw MachineOperationException.Validation("Missing data.");
        }

        if (resource.Type != BootResourceType.Uploaded)
        {
            throw MachineOperationException.PermissionDenied($"Cannot upload to a resource of type: {(int)resource.Type}.");
        }

        if (file.Complete)
        {
            throw MachineOperationException.Validation("Cannot upload to a complete file.");
        }

        string key = PartKey(file);
        if (file.Received + chunk.Length > file.Size)
        {
            throw MachineOperationException.Validation("Too much data received.");
        }

        file.Received = await content.AppendPartAsync(key, chunk, ct);
        if (file.Received == file.Size)
        {
            try
            {
                await content.CommitPartAsync(key, new StoredContent(file.Sha256, file.Size), ct);
                file.Complete = true;
            }
            catch (ContentMismatchException)
            {
                file.Received = 0;
                await store.UpdateFileAsync(file, ct);
                throw MachineOperationException.Validation("Saved content does not match given SHA256 value.");
            }
        }

        await store.UpdateFileAsync(file, ct);
    }

    /// <summary>Deletes the resource and the content no other resource uses.</summary>
    public async Task DeleteAsync(Actor actor, string id, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootResource resource = await GetAsync(id, ct);
        await DeleteAsync(resource, ct);
    }

    internal async Task DeleteAsync(BootResource resource, CancellationToken ct)
    {
        if (await store.DeleteAsync(resource.Id, ct) is not { } deleted)
        {
            throw NotFound.Of("BootResource");
        }

        foreach (BootResourceFile file in deleted.Sets.SelectMany(s => s.Files))
        {
            content.DiscardPart(PartKey(file));
            if (!await store.IsContentUsedAsync(file.Sha256, ct))
            {
                content.Delete(file.Sha256);
            }
        }
    }

    private static string PartKey(BootResourceFile file) => $"file-{file.Id.ToString(CultureInfo.InvariantCulture)}";

    private static Dictionary<string, string> Extra(BootResourceForm.Upload upload) =>
        upload.Title.Length > 0 ? new() { ["title"] = upload.Title } : [];

    private static string NextVersion(BootResource? resource, DateTime now)
    {
        string day = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        HashSet<string> taken = resource?.Sets.Select(s => s.Version).ToHashSet(StringComparer.Ordinal) ?? [];
        if (!taken.Contains(day))
        {
            return day;
        }

        int n = 1;
        while (taken.Contains($"{day}.{n}"))
        {
            n++;
        }

        return $"{day}.{n}";
    }
}
