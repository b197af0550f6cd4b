namespace Ingot.Core.Boot;

/// <summary>The same <see cref="BootDefaults"/> for every boot (MAAS's defaults unless told otherwise).</summary>
public sealed class FixedBootDefaults(BootDefaults defaults) : IBootDefaultsSource
{
    public Task<BootDefaults> GetAsync(CancellationToken ct) => Task.FromResult(defaults);
}
