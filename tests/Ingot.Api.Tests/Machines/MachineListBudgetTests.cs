using Ingot.Api.Machines;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;
using Ingot.Wire.Machines;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <see cref="MachineListCache"/> keeps at most <see cref="ApiOptions.MachineListJsonBytes"/> of rendered JSON:
/// machines beyond the bound are rendered each time (the bytes of the list do not change), and the JSON of
/// a deleted or changed machine is given back and never served again.
/// </summary>
public sealed class MachineListBudgetTests
{
    private static readonly DateTime s_when = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Json_beyond_the_bound_is_not_kept_and_the_list_is_the_same_bytes()
    {
        var reads = new FakeReads([.. Enumerable.Range(1, 6).Select(i => MachineWith(i, version: 1))]);
        var context = new MachineJsonContext();
        byte[] expected = await RenderAsync(s => MachineJson.RenderListAsync(reads.Machines, context, s, MachineResponses.ListWriterOptions, Ct));
        long oneMachine = expected.Length / 6;
        using var cache = new MachineListCache(Options.Create(new ApiOptions { MachineListJsonBytes = oneMachine * 2 }));

        byte[] cold = await ListAsync(cache, reads, context);
        byte[] warm = await ListAsync(cache, reads, context);

        Assert.Equal(expected, cold);
        Assert.Equal(expected, warm);
        Assert.InRange(cache.Budget.Used, 1, cache.Budget.MaxBytes);
        IReadOnlyList<MachineListCache.Entry> entries = await cache.CurrentAsync(reads, Ct);
        int kept = entries.Count(e => e.Json(context.Fingerprint, null, null) is not null);
        Assert.InRange(kept, 1, 2);
        Assert.Equal(cache.Budget.Used, entries.Sum(e => (long?)e.Json(context.Fingerprint, null, null)?.Length ?? 0));
    }

    [Fact]
    public async Task A_deleted_machine_is_not_served_and_its_json_is_given_back()
    {
        var reads = new FakeReads([MachineWith(1, 1), MachineWith(2, 1), MachineWith(3, 1)]);
        var context = new MachineJsonContext();
        using var cache = new MachineListCache(Options.Create(new ApiOptions()));
        await ListAsync(cache, reads, context);
        MachineListCache.Entry doomed = (await cache.CurrentAsync(reads, Ct)).Single(e => e.Machine.Id == 2);
        long before = cache.Budget.Used;
        long doomedBytes = doomed.Json(context.Fingerprint, null, null)!.Length;

        reads.Machines.RemoveAll(m => m.Id == 2);
        byte[] listed = await ListAsync(cache, reads, context);

        Assert.DoesNotContain("\"m-2\"", System.Text.Encoding.UTF8.GetString(listed), StringComparison.Ordinal);
        Assert.DoesNotContain(await cache.CurrentAsync(reads, Ct), e => e.Machine.Id == 2);
        Assert.Equal(before - doomedBytes, cache.Budget.Used);
        Assert.Null(doomed.Json(context.Fingerprint, null, null));
        Assert.False(doomed.Keep([1, 2, 3], context.Fingerprint, null, null));
    }

    [Fact]
    public async Task A_changed_machine_is_served_anew_and_its_old_json_is_given_back()
    {
        var reads = new FakeReads([MachineWith(1, 1), MachineWith(2, 1)]);
        var context = new MachineJsonContext();
        using var cache = new MachineListCache(Options.Create(new ApiOptions()));
        await ListAsync(cache, reads, context);

        Machine changed = MachineWith(2, 2);
        changed.Description = "the second version";
        reads.Machines[1] = changed;
        string listed = System.Text.Encoding.UTF8.GetString(await ListAsync(cache, reads, context));

        Assert.Contains("the second version", listed, StringComparison.Ordinal);
        IReadOnlyList<MachineListCache.Entry> entries = await cache.CurrentAsync(reads, Ct);
        Assert.Equal(cache.Budget.Used, entries.Sum(e => (long?)e.Json(context.Fingerprint, null, null)?.Length ?? 0));
    }

    private static async Task<byte[]> ListAsync(MachineListCache cache, IMachineVersionReads reads, MachineJsonContext context)
    {
        IReadOnlyList<MachineListCache.Entry> entries = await cache.CurrentAsync(reads, Ct);
        return await RenderAsync(s => MachineListResponse.WriteAsync(entries, context, s, Ct));
    }

    private static async Task<byte[]> RenderAsync(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }

    private static Machine MachineWith(long id, long version)
    {
        Machine machine = Machine.Create($"b{id:x5}", $"m-{id}", s_when);
        typeof(Machine).GetProperty(nameof(Machine.Id))!.SetValue(machine, id);
        machine.Description = new string('d', 200);
        machine.Saved(version);
        return machine;
    }

    /// <summary>A machine table in memory.</summary>
    private sealed class FakeReads(List<Machine> machines) : IMachineVersionReads
    {
        public List<Machine> Machines { get; } = machines;

        public Task<IReadOnlyList<MachineVersion>> VersionsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<MachineVersion>>([.. Machines.Select(m => new MachineVersion(m.Id, m.Version))]);

        public Task<IReadOnlyList<Machine>> ListByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Machine>>([.. Machines.Where(m => ids.Contains(m.Id))]);

        public Task<IReadOnlyList<Machine>> ListAllAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Machine>>([.. Machines]);
    }
}
