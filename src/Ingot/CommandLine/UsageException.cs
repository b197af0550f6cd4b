namespace Ingot.CommandLine;

/// <summary>A wrong command line: the message says what is wrong; the process exits with 2.</summary>
public sealed class UsageException(string message, CommandSpec? command = null) : Exception(message)
{
    public CommandSpec? Command { get; } = command;
}
