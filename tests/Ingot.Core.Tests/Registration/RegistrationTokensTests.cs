using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Registration;

public class RegistrationTokensTests
{
    private static readonly DateTime s_now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly MachineToken s_token = new() { SystemId = "live01", ConsumerKey = "c0nsumerkey0000000", TokenKey = "t0kenkey0000000000", TokenSecret = "s3cret00000000000000000000000000" };

    [Fact]
    public void A_token_verifies_until_the_machine_begins_a_new_script_run()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deployed, s_now, "live01");
        string token = RegistrationTokens.Issue(machine, s_token);
        Assert.Equal("live01", RegistrationTokens.SystemIdOf(token));
        Assert.True(RegistrationTokens.Verify(machine, s_token, token));

        machine.BeginScriptRun();
        Assert.False(RegistrationTokens.Verify(machine, s_token, token));
        Assert.True(RegistrationTokens.Verify(machine, s_token, RegistrationTokens.Issue(machine, s_token)));
    }

    [Theory]
    [InlineData("live01")]
    [InlineData("live01.0123")]
    [InlineData("live01.0123456789abcdef0123456789abcdef")]
    public void A_forged_or_malformed_token_does_not_verify(string value)
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deployed, s_now, "live01");
        Assert.False(RegistrationTokens.Verify(machine, s_token, value));
    }
}
