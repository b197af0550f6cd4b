using System.Text;
using Ingot.Core.Registration;

namespace Ingot.Core.Tests.Registration;

public class LiveHostReportTests
{
    private static string B64(string text) => text.Length == 0 ? "-" : Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Line(string name, int exit = 0, string stdout = "out", string stderr = "") => $"result {name} {exit} {B64(stdout)} {B64(stderr)}";

    private static string Report(params string[] lines) => string.Join('\n', [LiveHostReport.Header, .. lines]) + "\n";

    private static string[] AllLines() => [.. DeployInfoScripts.All.Select(s => Line(s.Name, stdout: s.Name + " output\n"))];

    [Fact]
    public void The_deploy_info_set_is_MAAS_s_run_on_controller_scripts_Ingot_ships()
    {
        Assert.Equal(["maas-support-info", "maas-lshw", "maas-list-modaliases", "maas-serial-ports", "50-maas-01-commissioning"], DeployInfoScripts.All.Select(s => s.Name));
    }

    [Fact]
    public void A_report_gives_each_script_s_exit_status_stdout_and_stderr()
    {
        string[] lines = AllLines();
        lines[1] = Line("maas-lshw", 127, "", "sh: lshw: not found\n");
        IReadOnlyList<LiveHostReport.Result> results = LiveHostReport.Parse(Report(lines), out string? error)!;
        Assert.Null(error);
        Assert.Equal(DeployInfoScripts.All.Select(s => s.Name), results.Select(r => r.Name));
        Assert.Equal("50-maas-01-commissioning output\n", Encoding.UTF8.GetString(results[4].Stdout));
        Assert.Equal(127, results[1].ExitStatus);
        Assert.Empty(results[1].Stdout);
        Assert.Equal("sh: lshw: not found\n", Encoding.UTF8.GetString(results[1].Stderr));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "arch x86_64\n", "Not an Ingot registration report" },
        { "ingot-registration 1\n" + string.Join('\n', AllLines()), "Not an Ingot registration report" },
        { Report([.. AllLines(), "cpu_count 4"]), "Malformed report line: cpu_count 4" },
        { Report([.. AllLines(), "result maas-lshw 0 -"]), "Malformed report line: result maas-lshw 0 -" },
        { Report([.. AllLines(), Line("memtester")]), "memtester is not a deploy-info script." },
        { Report([.. AllLines(), Line("maas-lshw")]), "The report has maas-lshw twice." },
        { Report([.. AllLines()[..4], Line("50-maas-01-commissioning", 256)]), "The exit status of 50-maas-01-commissioning is not a number from 0 to 255: 256" },
        { Report([.. AllLines()[..4], Line("50-maas-01-commissioning", -1)]), "The exit status of 50-maas-01-commissioning is not a number from 0 to 255: -1" },
        { Report([.. AllLines()[..4], "result 50-maas-01-commissioning 0 not*base64 -"]), "The output of 50-maas-01-commissioning is not base64." },
        { Report(AllLines()[..4]), "The report lacks the result of 50-maas-01-commissioning." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_report_is_refused_with_the_reason(string report, string reason)
    {
        Assert.Null(LiveHostReport.Parse(report, out string? error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }
}
