namespace Ingot.Api.Wire;

/// <summary>
/// An entry of a handler's table: the HTTP method and <c>op</c> it answers (null for the CRUD
/// actions read/create/update/delete), its name and doc as <c>describe/</c> shows them, and the operation.
/// </summary>
public sealed record ApiAction(string Name, string Method, string? Op, string Doc, ApiOperation Operation)
{
    /// <summary>CRUD actions are "restful" in <c>describe/</c>; custom ops are not.</summary>
    public bool Restful => Op is null;
}
