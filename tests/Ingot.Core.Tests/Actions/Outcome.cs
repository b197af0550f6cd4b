using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Actions;

/// <summary>What a matrix case expects: a resulting status, a deletion, or an exact refusal.</summary>
internal sealed record Outcome(MachineStatus? Status = null, bool Deleted = false, ErrorCategory? Category = null, string? Message = null)
{
    public static Outcome Becomes(MachineStatus status) => new(status);

    public static Outcome Refused(ErrorCategory category, string message) => new(Category: category, Message: message);

    public static Outcome Gone { get; } = new(Deleted: true);

    /// <summary>Runs <paramref name="act"/> and checks the outcome against the machine in the store.</summary>
    public async Task AssertAsync(Fakes.InMemoryMachineStore store, string systemId, MachineStatus before, Func<Task> act)
    {
        if (Message is not null)
        {
            var error = await Assert.ThrowsAnyAsync<MachineOperationException>(act);
            Assert.Equal(Message, error.Message);
            Assert.Equal(Category, error.Category);
            Machine? unchanged = await store.FindAsync(systemId, CancellationToken.None);
            Assert.Equal(before, unchanged!.Status);
            return;
        }

        await act();
        Machine? after = await store.FindAsync(systemId, CancellationToken.None);
        if (Deleted)
        {
            Assert.Null(after);
            return;
        }

        Assert.Equal(Status, after!.Status);
    }
}
