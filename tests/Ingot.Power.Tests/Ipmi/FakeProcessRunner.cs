using Ingot.Power.Processes;

namespace Ingot.Power.Tests.Ipmi;

/// <summary>Records invocations and answers each with the next scripted result (the last one repeats).</summary>
internal sealed class FakeProcessRunner(params ProcessResult[] results) : IProcessRunner
{
    public List<ProcessInvocation> Invocations { get; } = [];

    public List<string> ConfigFiles { get; } = [];

    public Task<ProcessResult> RunAsync(ProcessInvocation invocation, TimeSpan timeout, CancellationToken ct)
    {
        Invocations.Add(invocation);
        int index = invocation.Arguments.ToList().IndexOf("--filename");
        if (index >= 0)
        {
            ConfigFiles.Add(File.ReadAllText(invocation.Arguments[index + 1]));
        }

        return Task.FromResult(results[Math.Min(Invocations.Count - 1, results.Length - 1)]);
    }
}
