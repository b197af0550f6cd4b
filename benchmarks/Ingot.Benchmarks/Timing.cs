using System.Diagnostics;
using System.Globalization;

namespace Ingot.Benchmarks;

/// <summary>Runs a piece of work a few times untimed, then N times timed, and prints median, min and max.</summary>
internal static class Timing
{
    public static async Task<Summary> MeasureAsync(string label, int warmups, int repetitions, Func<Task> work)
    {
        for (int i = 0; i < warmups; i++)
        {
            await work();
        }

        var samples = new List<double>(repetitions);
        var cpu = new List<double>(repetitions);
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repetitions; i++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            await work();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        var summary = Summary.Of(samples);
        var cpuSummary = Summary.Of(cpu);
        Report.Line($"{label}: median {summary.Median:0.00} ms, min {summary.Min:0.00} ms, max {summary.Max:0.00} ms (n={repetitions}); process CPU median {cpuSummary.Median:0} ms");
        return summary;
    }

    internal sealed record Summary(double Median, double Min, double Max)
    {
        public static Summary Of(List<double> samples)
        {
            samples.Sort();
            int n = samples.Count;
            double median = n % 2 == 1 ? samples[n / 2] : (samples[(n / 2) - 1] + samples[n / 2]) / 2;
            return new Summary(median, samples[0], samples[^1]);
        }
    }
}

/// <summary>Console output with invariant number formatting, and the process's peak memory.</summary>
internal static class Report
{
    public static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    public static void PeakMemory(string phase)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Line($"peak working set ({phase}): {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB; managed heap now {GC.GetTotalMemory(false) / (1024.0 * 1024.0):0} MiB");
    }
}
