using Ingot.CommandLine;
using Ingot.Commands;

namespace Ingot.Tests.CommandLine;

public class CommandLineParserTests
{
    private static ParsedCommand Parse(params string[] args) => CommandLineParser.Parse(IngotCommands.All, args);

    [Fact]
    public void Options_take_values_separated_or_after_an_equals_sign()
    {
        ParsedCommand c = Parse("serve", "--data-dir", "/tmp/x", "--urls=http://127.0.0.1:9");
        Assert.Equal("serve", c.Spec.Name);
        Assert.Equal("/tmp/x", c.Get("data-dir"));
        Assert.Equal("http://127.0.0.1:9", c.Get("urls"));
        Assert.Null(c.Get("database"));
    }

    [Fact]
    public void A_flag_is_recorded_as_present()
    {
        ParsedCommand c = Parse("apikey", "--username", "admin", "--generate");
        Assert.True(c.Has("generate"));
        Assert.Equal("admin", c.Required("username"));
    }

    [Theory]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    [InlineData("unknown option '--colour'", "serve", "--colour", "red")]
    [InlineData("option '--urls' needs a value (URLS)", "serve", "--urls")]
    [InlineData("option '--urls' needs a value (URLS)", "serve", "--urls", "--data-dir", "x")]
    [InlineData("option '--data-dir' given more than once", "serve", "--data-dir", "a", "--data-dir", "b")]
    [InlineData("unexpected argument 'extra'", "serve", "extra")]
    [InlineData("option '--generate' takes no value", "apikey", "--generate=yes")]
    public void A_wrong_command_line_says_what_is_wrong(string expected, params string[] args)
    {
        var e = Assert.Throws<UsageException>(() => Parse(args));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_reported_when_asked_for()
    {
        ParsedCommand c = Parse("createadmin", "--username", "admin");
        var e = Assert.Throws<UsageException>(() => c.Required("email"));
        Assert.Equal("ingot createadmin: missing required option --email", e.Message);
    }

    [Fact]
    public void Help_is_recognised_even_with_required_options_missing()
    {
        Assert.True(Parse("createadmin", "--help").HelpRequested);
        Assert.True(Parse("apikey", "-h").HelpRequested);
    }
}
