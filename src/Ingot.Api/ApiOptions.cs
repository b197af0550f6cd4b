namespace Ingot.Api;

/// <summary>Limits of the REST API.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest request body read (form or multipart); larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How old an OAuth timestamp may be (MAAS: 300 s); future timestamps are accepted.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// At most this many bytes of rendered machine JSON are kept between lists (about 11 KiB a machine:
    /// 256 MiB keeps ~23,000); the machines beyond are rendered on each list.
    /// </summary>
    public long MachineListJsonBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Whether the machine list is read and rendered once in the background after the host starts.</summary>
    public bool WarmMachineList { get; set; } = true;
}
