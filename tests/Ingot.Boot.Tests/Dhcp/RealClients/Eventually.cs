using System.Diagnostics;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>Bounded polling of another process's effect; a timeout names what was waited for.</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits for <paramref name="process"/> to exit; kills it (and fails) if it does not in time.</summary>
    public static async Task<int> ExitAsync(Process process, string what, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail($"Timed out waiting for {what} to exit. Output: {await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)} {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            return -1;
        }
    }
}
