namespace Ingot.Core.Enlistment.Chassis;

/// <summary>A chassis could not be asked for its machines (unreachable, login refused, not a chassis).</summary>
public sealed class ChassisProbeException : Exception
{
    public ChassisProbeException()
    {
    }

    public ChassisProbeException(string message)
        : base(message)
    {
    }

    public ChassisProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
