using Ingot.Commands;

namespace Ingot.Tests.CommandLine;

public class IngotCommandLineTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await IngotCommandLine.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var (code, stdout, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (string command in new[] { "serve", "createadmin", "apikey" })
        {
            Assert.Contains($"  {command} ", stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("serve", "--urls URLS")]
    [InlineData("createadmin", "--email EMAIL")]
    [InlineData("apikey", "--generate")]
    [InlineData("add-ephemeral-image", "--dir DIR")]
    public async Task Every_command_has_help(string command, string mentions)
    {
        var (code, stdout, _) = await RunAsync(command, "--help");
        Assert.Equal(0, code);
        Assert.StartsWith($"usage: ingot {command}", stdout, StringComparison.Ordinal);
        Assert.Contains(mentions, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown command 'nope'", "nope")]
    [InlineData("unknown option '--bogus'", "serve", "--bogus")]
    [InlineData("missing required option --email", "createadmin", "--username", "a", "--password", "p")]
    [InlineData("missing required option --username", "apikey")]
    [InlineData("--email 'not-an-address' is not an email address", "createadmin", "--username", "a", "--password", "p", "--email", "not-an-address")]
    [InlineData("--password must not be empty", "createadmin", "--username", "a", "--password", "", "--email", "a@example.com")]
    [InlineData("--urls 'ftp://x' is not an http(s) URL", "serve", "--urls", "ftp://x")]
    public async Task A_wrong_argument_prints_what_is_wrong_and_exits_2(string expected, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task No_command_prints_help_to_stderr_and_exits_2()
    {
        var (code, _, stderr) = await RunAsync();
        Assert.Equal(2, code);
        Assert.Contains("usage: ingot <command>", stderr, StringComparison.Ordinal);
    }
}
