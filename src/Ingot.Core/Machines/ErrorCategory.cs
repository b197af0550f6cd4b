namespace Ingot.Core.Machines;

/// <summary>The HTTP status category MAAS gives each kind of refusal.</summary>
public enum ErrorCategory
{
    /// <summary>400: a form or validation error (<c>MAASAPIValidationError</c>, <c>NodeActionError</c>).</summary>
    BadRequest = 400,

    /// <summary>401: not logged in.</summary>
    Unauthorized = 401,

    /// <summary>403: <c>PermissionDenied</c>, including every edit on a locked machine.</summary>
    Forbidden = 403,

    /// <summary>404: no such machine, or one the user may not view.</summary>
    NotFound = 404,

    /// <summary>409: <c>NodeStateViolation</c>, and a lost compare-and-set race.</summary>
    Conflict = 409,

    /// <summary>503: <c>PowerProblem</c> and other failures of the machinery, not the request.</summary>
    ServiceUnavailable = 503,
}
