namespace Ingot.Api;

/// <summary>Limits of the REST API.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest request body read (form or multipart); larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How old an OAuth timestamp may be (MAAS: 300 s); future timestamps are accepted.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromSeconds(300);
}
