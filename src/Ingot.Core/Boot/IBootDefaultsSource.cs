namespace Ingot.Core.Boot;

/// <summary>
/// Port: the settings the boot decision reads, as they are now (an operator may change
/// <c>commissioning_distro_series</c> between two boots).
/// </summary>
public interface IBootDefaultsSource
{
    Task<BootDefaults> GetAsync(CancellationToken ct);
}
