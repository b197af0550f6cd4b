namespace Ingot.Core.Scripts;

/// <summary>
/// One machine's signals are applied one at a time in this process. A machine's scripts that run at once
/// (MAAS's <c>parallel</c> groups) signal at once, and a signal saves the machine and then the whole script
/// set: without this, a second signal could read the set between the first's two saves and write the first
/// one's result back as it was. 64 stripes keyed by system id bound the memory.
/// </summary>
internal static class SignalStripes
{
    private static readonly SemaphoreSlim[] s_stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public static async Task<T> RunAsync<T>(string systemId, Func<Task<T>> work, CancellationToken ct)
    {
        SemaphoreSlim stripe = s_stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(systemId) % (uint)s_stripes.Length)];
        await stripe.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            stripe.Release();
        }
    }
}
