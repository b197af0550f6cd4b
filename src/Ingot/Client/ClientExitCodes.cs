namespace Ingot.Client;

/// <summary>
/// What the client's exit code says: 0 done; 1 the server refused the request (4xx/5xx); 2 the command
/// line is wrong; 3 the server could not be reached or rejected the credentials (401); 4 <c>--wait</c>
/// gave up before the action finished; 5 the waited-for action ended in failure (e.g. Failed deployment,
/// an import with errors).
/// </summary>
public static class ClientExitCodes
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int WaitTimedOut = 4;
    public const int ActionFailed = 5;
}
