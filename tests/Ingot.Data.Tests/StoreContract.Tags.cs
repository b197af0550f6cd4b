using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Tags_round_trip_and_a_taken_or_bad_name_is_refused()
    {
        await using DataServices data = Database.Open();
        var tags = new TagOperations(data.Tags, new TagEvaluation(data.Tags, data.Machines, data.HardwareDetails, Time), Time);
        string name = $"gpu-{TestMachines.NewSystemId()}";

        Tag created = await tags.CreateAsync(s_admin, name, "//node[@id='display']", "GPUs", "nomodeset", Ct);
        var taken = await Assert.ThrowsAsync<MachineFormException>(() => tags.CreateAsync(s_admin, name, null, null, null, Ct));
        var bad = await Assert.ThrowsAsync<MachineFormException>(() => tags.CreateAsync(s_admin, "has space", null, null, null, Ct));

        Tag found = (await data.Tags.FindAsync(name, Ct))!;
        Assert.Equal((created.Id, "//node[@id='display']", "GPUs", "nomodeset"), (found.Id, found.Definition, found.Comment, found.KernelOpts));
        Assert.Equal(["Tag with this Name already exists."], taken.Errors["name"]);
        Assert.Equal(["Enter a valid value."], bad.Errors["name"]);
        Assert.Contains(await data.Tags.ListAsync(Ct), t => t.Name == name);
    }

    [Fact]
    public async Task Renaming_a_tag_renames_it_on_its_machines_and_deleting_it_removes_it()
    {
        await using DataServices data = Database.Open();
        var tags = new TagOperations(data.Tags, new TagEvaluation(data.Tags, data.Machines, data.HardwareDetails, Time), Time);
        string name = $"ssd-{TestMachines.NewSystemId()}";
        await tags.CreateAsync(s_admin, name, null, null, null, Ct);
        Machine tagged = await AddMachineAsync(data, m => m.Tags = ["virtual", name]);
        Machine other = await AddMachineAsync(data, m => m.Tags = ["virtual"]);

        Assert.Equal([tagged.SystemId], await tags.MachinesAsync(name, Ct));
        await tags.UpdateAsync(s_admin, name, name + "-fast", null, "renamed", null, Ct);

        Machine renamed = (await data.Machines.FindAsync(tagged.SystemId, Ct))!;
        Assert.Equal(["virtual", name + "-fast"], renamed.Tags);
        Assert.Equal(tagged.Version + 1, renamed.Version);
        Assert.Equal(other.Version, (await data.Machines.FindAsync(other.SystemId, Ct))!.Version);
        Assert.Empty(await data.Tags.MachinesAsync(name, Ct));
        Assert.Equal("renamed", (await data.Tags.FindAsync(name + "-fast", Ct))!.Comment);

        await tags.DeleteAsync(s_admin, name + "-fast", Ct);

        Assert.Equal(["virtual"], (await data.Machines.FindAsync(tagged.SystemId, Ct))!.Tags);
        Assert.False(await data.Tags.ExistsAsync(name + "-fast", Ct));
        await Assert.ThrowsAsync<MachineOperationException>(() => tags.DeleteAsync(s_admin, name + "-fast", Ct));
    }
}
