using Ingot.Core.BootResources;

namespace Ingot.BootResources;

/// <summary>Logs what image imports report, and stops a running import when the host stops.</summary>
public sealed partial class BootResourceImportService(BootResourceImports imports, ILogger<BootResourceImportService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        imports.Status.Reported += Log;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        imports.Stop();
        await imports.Completion.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        imports.Status.Reported -= Log;
    }

    private void Log(string message, bool error)
    {
        if (error)
        {
            ImportError(logger, message);
        }
        else
        {
            ImportProgress(logger, message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Boot resources: {Message}")]
    private static partial void ImportProgress(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Boot resources: {Message}")]
    private static partial void ImportError(ILogger logger, string message);
}
