using System.Diagnostics;

namespace Ingot.Tests.Client;

/// <summary>
/// <c>ingot completion bash</c> in a real bash: the function it prints, called as bash calls it on TAB, completes
/// a profile's resources, actions and parameter keys by asking the real <c>ingot</c> executable.
/// </summary>
[Collection(ClientServer.Collection)]
public sealed class CompletionTests(ClientServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ingot-completion-").FullName;

    [Theory]
    [InlineData("ingot la", "lab")]
    [InlineData("ingot lab machin", "machine machines")]
    [InlineData("ingot lab machine dep", "deploy")]
    [InlineData("ingot lab machines allocate zo", "zone=")]
    public async Task Bash_completes_profiles_resources_actions_and_keys(string line, string expected)
    {
        string profiles = Path.Combine(_directory, "profiles.json");
        var (code, _, err) = await ClientServer.RunAsync(profiles, ["login", "lab", server.Url, server.ApiKey]);
        Assert.True(code == 0, err);
        string bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        string wrapper = Path.Combine(bin, "ingot");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "ingot.dll")}' \"$@\"\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string script = """
            eval "$(ingot completion bash)"
            read -r -a COMP_WORDS <<< "$LINE"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _ingot 2>/dev/null
            printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
            """;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        info.Environment["INGOT_CLI_CONFIG"] = profiles;
        info.Environment["LINE"] = line;
        using Process bash = Process.Start(info)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        Task<string> output = bash.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> errors = bash.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(bash.ExitCode == 0, await errors);
        Assert.Equal(expected, (await output).Trim());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
