using Ingot.Core.Enlistment;
using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingot.Web.Machines;

/// <summary>
/// Runs "Add chassis" off the page's request: the same call as the API's <c>add_chassis</c> (Core's
/// <see cref="MachineAdding"/>, which also submits the power requests) on a background task, so a
/// slow BMC does not hold the page; progress and the outcome are kept on a <see cref="ChassisJob"/> (the newest runs
/// of this process, per admin).
/// Stopping the host cancels a run.
/// </summary>
public sealed partial class ChassisJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ChassisJobs> log)
{
    private const int Kept = 20;
    private readonly Lock _gate = new();
    private readonly List<ChassisJob> _jobs = [];

    /// <summary>The newest run <paramref name="username"/> started, if any is still kept.</summary>
    public ChassisJob? LatestBy(string? username)
    {
        lock (_gate)
        {
            return _jobs.LastOrDefault(j => j.StartedBy == username);
        }
    }

    public ChassisJob Start(ChassisRequest request, Actor actor)
    {
        var job = new ChassisJob { Hostname = request.Hostname, StartedBy = actor.Username ?? "" };
        lock (_gate)
        {
            _jobs.Add(job);
            if (_jobs.Count > Kept)
            {
                _jobs.RemoveAt(0);
            }
        }

        _ = Task.Run(() => RunAsync(job, request, actor));
        return job;
    }

    private async Task RunAsync(ChassisJob job, ChassisRequest request, Actor actor)
    {
        CancellationToken ct = lifetime.ApplicationStopping;
        try
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            IServiceProvider services = scope.ServiceProvider;
            IReadOnlyList<Machine> added = [];
            string? error = await UiErrors.RunAsync(async () =>
                added = await (await MachineAdding.ComposeAsync(services, ct)).AddChassisAsync(request, actor, ct, job));
            if (error is not null)
            {
                job.Fail(error);
                return;
            }

            job.Complete([.. added.Select(m => (m.SystemId, m.Hostname))]);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Fail($"Adding machines from chassis {request.Hostname} stopped: Ingot is shutting down.");
        }
        catch (Exception e)
        {
            LogRunFailed(log, e, request.Hostname);
            job.Fail($"Unable to add machines from chassis {request.Hostname}: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Adding machines from chassis {Hostname} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string hostname);
}
