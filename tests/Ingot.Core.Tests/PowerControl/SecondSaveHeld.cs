using Ingot.Core.Machines;
using Ingot.Core.Tests.Timeouts;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// A store whose second save (after a power action's claim: the save of its result) waits until <see cref="Release"/>,
/// as a save behind a busy database's write lock does; <see cref="Held"/> completes when it starts waiting. Its
/// cancellation token still ends the wait. Every other save goes straight through.
/// </summary>
internal sealed class SecondSaveHeld(IMachineStore inner) : StoreDecorator(inner)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _saves;

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public override async Task SaveAsync(Machine machine, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _saves) == 2)
        {
            Held.TrySetResult();
            await _release.Task.WaitAsync(ct);
        }

        await base.SaveAsync(machine, ct);
    }
}
