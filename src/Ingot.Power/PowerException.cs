namespace Ingot.Power;

/// <summary>
/// A failed power action, with MAAS's class (<see cref="PowerErrorKind"/>) and message;
/// <see cref="MaasMessage"/> is the text MAAS records in events (<c>get_error_message</c>).
/// </summary>
public sealed class PowerException : Exception
{
    public PowerException()
    {
    }

    public PowerException(string message)
        : base(message)
    {
    }

    public PowerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PowerException(PowerErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public PowerErrorKind Kind { get; }

    /// <summary>Auth, setting, tool and fatal errors are not retried.</summary>
    public bool IsFatal => Kind is PowerErrorKind.Auth or PowerErrorKind.Setting or PowerErrorKind.Tool or PowerErrorKind.Fatal;

    public string MaasMessage => Kind switch
    {
        PowerErrorKind.Auth => $"Could not authenticate to node's BMC: {Message}",
        PowerErrorKind.Connection => $"Could not contact node's BMC: {Message}",
        PowerErrorKind.Setting => $"Missing or invalid power setting: {Message}",
        PowerErrorKind.Tool => $"Missing power tool: {Message}",
        PowerErrorKind.Action => $"Failed to complete power action: {Message}",
        _ => $"Failed talking to node's BMC: {Message}",
    };
}
