namespace Ingot.Web.Machines;

/// <summary>How one action on one machine ended: <see cref="Error"/> is MAAS's message, null on success.</summary>
public sealed record ActionResult(string SystemId, string? Error)
{
    public bool Succeeded => Error is null;
}
