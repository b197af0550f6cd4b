using Ingot.Core.Enlistment;
using Ingot.Core.Forms;

namespace Ingot.Core.Machines;

/// <summary>
/// A store refused to write a machine because another machine already has its hostname (the unique
/// index on <c>machines.hostname</c>, MAAS's <c>Node.hostname</c> <c>unique=True</c>). Nothing was
/// written. Whoever chose the name decides what follows: an enlistment that generated it picks
/// another; a name a user or machine asked for is refused with MAAS's form error (<see cref="FormError"/>).
/// Left unhandled it is a 400 with the same text.
/// </summary>
public sealed class HostnameTakenException(string hostname)
    : MachineOperationException(ErrorCategory.BadRequest, "ValidationError", $"hostname: {Text}")
{
    /// <summary>Django's unique-field message for <c>Node.hostname</c>.</summary>
    public static readonly string Text = FormErrors.AlreadyExists("Node", "Hostname");

    public string Hostname { get; } = hostname;

    /// <summary>MAAS's answer to a taken hostname that was asked for: <c>{"hostname": ["Node with this Hostname already exists."]}</c>.</summary>
    public static MachineFormException FormError() => FormErrors.OnField("hostname", Text);
}
