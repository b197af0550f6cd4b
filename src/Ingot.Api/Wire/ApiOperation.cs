namespace Ingot.Api.Wire;

/// <summary>One action of a handler: parse the request, call Core, render the result.</summary>
public delegate Task<ApiResult> ApiOperation(ApiRequest request, CancellationToken ct);
