using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Registration;

public class RegistrationTokensTests
{
    private static readonly DateTime s_now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly MachineToken s_token = new() { SystemId = "live01", ConsumerKey = "c0nsumerkey0000000", TokenKey = "t0kenkey0000000000", TokenSecret = "s3cret00000000000000000000000000" };

    [Fact]
    public void A_token_verifies_until_a_report_makes_or_saves_the_runs_set_or_a_new_run_begins()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deployed, s_now, "live01");
        string token = RegistrationTokens.Issue(machine, s_token, null);
        Assert.Equal("live01", RegistrationTokens.SystemIdOf(token));
        Assert.True(RegistrationTokens.Verify(machine, s_token, null, token));

        // The first report makes the deploy-info set: the token no longer verifies.
        ScriptSet set = DeployInfoScripts.NewSet(machine, s_now);
        set.Id = 7;
        Assert.False(RegistrationTokens.Verify(machine, s_token, set, token));
        string second = RegistrationTokens.Issue(machine, s_token, set);
        Assert.True(RegistrationTokens.Verify(machine, s_token, set, second));

        // A refresh saves the set (its version goes up).
        set.Version++;
        Assert.False(RegistrationTokens.Verify(machine, s_token, set, second));
        string third = RegistrationTokens.Issue(machine, s_token, set);

        machine.BeginScriptRun();
        Assert.False(RegistrationTokens.Verify(machine, s_token, set, third));
    }

    [Fact]
    public void The_deploy_info_set_holds_every_deploy_info_script_pending_and_is_tagged()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deployed, s_now, "live01");
        ScriptSet set = DeployInfoScripts.NewSet(machine, s_now);
        Assert.True(DeployInfoScripts.IsDeployInfo(set));
        Assert.Equal(ScriptSetKind.Commissioning, set.Kind);
        Assert.Equal(["deploy-info"], set.Tags);
        Assert.All(set.Results, r => Assert.Equal(ScriptStatus.Pending, r.Status));
        Assert.Equal(DeployInfoScripts.All.Select(s => s.Name), set.Results.Select(r => r.Name));
        Assert.False(DeployInfoScripts.IsDeployInfo(new ScriptSet { SystemId = "live01", Kind = ScriptSetKind.Commissioning }));
    }

    [Theory]
    [InlineData("live01")]
    [InlineData("live01.0123")]
    [InlineData("live01.0123456789abcdef0123456789abcdef")]
    public void A_forged_or_malformed_token_does_not_verify(string value)
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deployed, s_now, "live01");
        Assert.False(RegistrationTokens.Verify(machine, s_token, null, value));
    }
}
