namespace Ingot.Sim.Operator;

/// <summary>A REST request Ingot refused: its status code and body in the message.</summary>
public sealed class IngotApiException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
