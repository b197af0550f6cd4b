using Ingot.Commands;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await IngotCommandLine.RunAsync(args, Console.Out, Console.Error, cancel.Token);
