using Ingot.Client;
using Ingot.CommandLine;
using Ingot.Core.Machines;

namespace Ingot.Commands;

/// <summary>
/// The <c>ingot</c> entry point: parses, dispatches and maps failures to exit codes
/// (0 success, 1 failure, 2 wrong command line).
/// </summary>
public static class IngotCommandLine
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, Console.In, stdout, stderr, ClientOptions.Default(), ct);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ClientOptions client, CancellationToken ct)
    {
        if (args.Length > 0 && await ClientCommandLine.TryRunAsync(args, stdin, stdout, stderr, client, ct) is int clientExit)
        {
            return clientExit;
        }

        if (args is [] or ["--help"] or ["-h"] or ["help"])
        {
            (args.Length == 0 ? stderr : stdout).Write(IngotCommands.Help());
            return args.Length == 0 ? Usage : Ok;
        }

        try
        {
            ParsedCommand command = CommandLineParser.Parse(IngotCommands.All, args);
            if (command.HelpRequested)
            {
                await stdout.WriteAsync(command.Spec.Help());
                return Ok;
            }

            return command.Spec.Name switch
            {
                "serve" => await ServeCommand.RunAsync(command, stdout, ct),
                "createadmin" => await CreateAdminCommand.RunAsync(command, stdout, ct),
                "apikey" => await ApiKeyCommand.RunAsync(command, stdout, ct),
                "add-ephemeral-image" => await AddEphemeralImageCommand.RunAsync(command, stdout, ct),
                "demo" => await DemoCommand.RunAsync(command, stdout, stderr, ct),
                "sim" => await SimCommand.RunAsync(command, stdout, stderr, ct),
                _ => throw new UsageException($"ingot: unknown command '{command.Spec.Name}'"),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message);
            await stderr.WriteLineAsync(e.Command is { } spec ? $"Run 'ingot {spec.Name} --help' for its options." : "Run 'ingot --help' for the commands.");
            return Usage;
        }
        catch (MachineOperationException e)
        {
            await stderr.WriteLineAsync($"ingot: {e.Message}");
            return Failure;
        }
    }
}
