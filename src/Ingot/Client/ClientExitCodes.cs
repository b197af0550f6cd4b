namespace Ingot.Client;

/// <summary>
/// What the client's exit code says: 0 done; 1 the server refused the request (4xx/5xx) or a waited-for
/// action ended in failure; 2 the command line is wrong; 3 the server could not be reached or rejected
/// the credentials; 4 <c>--wait</c> gave up before the action finished.
/// </summary>
public static class ClientExitCodes
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int WaitTimedOut = 4;
}
