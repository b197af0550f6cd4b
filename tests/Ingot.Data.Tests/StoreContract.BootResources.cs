using Ingot.Core.BootResources;
using Ingot.Core.Enlistment;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_boot_resource_round_trips_with_its_sets_and_files_and_deleting_it_deletes_them()
    {
        await using DataServices data = Database.Open();
        string name = $"custom/img-{TestMachines.NewSystemId()}";
        string sha = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var resource = new BootResource
        {
            Type = BootResourceType.Uploaded,
            Name = name,
            Architecture = "amd64/generic",
            Extra = new() { ["title"] = "An image" },
            Created = Now,
            Updated = Now,
            Sets = [new BootResourceSet { Version = "20260301", Label = "uploaded", Files = [File("root-tgz", sha, 42, complete: false)] }],
        };
        await data.BootResources.AddAsync(resource, Ct);
        BootResourceFile file = resource.Sets[0].Files[0];
        file.Received = 42;
        file.Complete = true;
        await data.BootResources.UpdateFileAsync(file, Ct);
        Assert.True(await data.BootResources.AddSetAsync(resource.Id, new BootResourceSet { Version = "20260301.1", Label = "uploaded", Files = [File("root-tgz", sha, 42, complete: true)] }, Ct));

        BootResource found = (await data.BootResources.FindAsync(BootResourceType.Uploaded, name, "amd64/generic", Ct))!;
        Assert.Equal((resource.Id, "An image", 2), (found.Id, found.Extra["title"], found.Sets.Count));
        Assert.All(found.Sets, s => Assert.True(s.Complete));
        Assert.Equal("20260301.1", found.LatestCompleteSet!.Version);
        Assert.Null(await data.BootResources.FindAsync(BootResourceType.Synced, name, "amd64/generic", Ct));
        Assert.Contains(await data.BootResources.ListAsync(BootResourceType.Uploaded, Ct), r => r.Id == resource.Id);
        Assert.DoesNotContain(await data.BootResources.ListAsync(BootResourceType.Synced, Ct), r => r.Id == resource.Id);
        Assert.True(await data.BootResources.IsContentUsedAsync(sha, Ct));

        BootResource deleted = (await data.BootResources.DeleteAsync(resource.Id, Ct))!;

        Assert.Equal(2, deleted.Sets.Count);
        Assert.Null(await data.BootResources.FindAsync(resource.Id, Ct));
        Assert.False(await data.BootResources.IsContentUsedAsync(sha, Ct));
        Assert.Null(await data.BootResources.DeleteAsync(resource.Id, Ct));
        Assert.False(await data.BootResources.AddSetAsync(resource.Id, new BootResourceSet { Version = "x" }, Ct));
    }

    [Fact]
    public async Task Boot_sources_and_selections_round_trip_and_a_source_takes_its_selections_with_it()
    {
        await using DataServices data = Database.Open();
        string url = $"http://mirror.example/{TestMachines.NewSystemId()}/";
        var source = new BootSource { Url = url, KeyringData = [1, 2, 3], Priority = 5, Created = Now, Updated = Now };
        await data.BootSources.AddAsync(source, Ct);
        var taken = await Assert.ThrowsAsync<MachineFormException>(() => data.BootSources.AddAsync(new BootSource { Url = url }, Ct));
        var selection = new BootSourceSelection { BootSourceId = source.Id, Release = "noble", Arches = ["amd64", "arm64"] };
        await data.BootSources.AddSelectionAsync(selection, Ct);
        var twice = await Assert.ThrowsAsync<MachineFormException>(() =>
            data.BootSources.AddSelectionAsync(new BootSourceSelection { BootSourceId = source.Id, Release = "noble" }, Ct));

        selection.Labels = ["stable"];
        Assert.True(await data.BootSources.UpdateSelectionAsync(selection, Ct));
        source.SkipKeyringVerification = true;
        Assert.True(await data.BootSources.UpdateAsync(source, Ct));

        BootSource found = (await data.BootSources.FindAsync(source.Id, Ct))!;
        BootSourceSelection foundSelection = (await data.BootSources.FindSelectionAsync(source.Id, selection.Id, Ct))!;
        Assert.Equal((url, 5, true), (found.Url, found.Priority, found.SkipKeyringVerification));
        Assert.Equal([1, 2, 3], found.KeyringData);
        Assert.Equal(["amd64", "arm64"], foundSelection.Arches);
        Assert.Equal(["*"], foundSelection.Subarches);
        Assert.Equal(["stable"], foundSelection.Labels);
        Assert.True(taken.Errors.ContainsKey("url"));
        Assert.True(twice.Errors.ContainsKey("__all__"));

        Assert.True(await data.BootSources.DeleteAsync(source.Id, Ct));

        Assert.Null(await data.BootSources.FindAsync(source.Id, Ct));
        Assert.Empty(await data.BootSources.ListSelectionsAsync(source.Id, Ct));
        Assert.False(await data.BootSources.DeleteAsync(source.Id, Ct));
    }

    private static BootResourceFile File(string type, string sha256, long size, bool complete) =>
        new() { Filename = type, FileType = type, Sha256 = sha256, Size = size, Complete = complete, Received = complete ? size : 0 };
}
