using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// The ephemeral agent reads <c>maas-scripts</c>' <c>index.json</c> with busybox awk (no jq in the image):
/// run on the index Ingot serves a commissioning machine, its reader lists every script with the
/// path, result id, version id and timeout the index gives, in order.
/// </summary>
public sealed class AgentIndexReaderTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Busybox = "/bin/busybox";

    [Fact]
    public async Task The_agents_index_reader_lists_each_served_script_with_its_result_id_path_and_timeout()
    {
        if (!File.Exists(Busybox))
        {
            Assert.Skip($"{Busybox} is absent (busybox-static from scripts/install-test-packages.sh)");
        }

        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin, commissioning: false);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("COMMISSIONING")).EnsureSuccessStatusCode();
        (JsonArray entries, Dictionary<string, string> files) = await node.ScriptsAsync("commissioning");

        string index = Path.Combine(Path.GetTempPath(), $"ingot-index-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(index, files["index.json"], TestContext.Current.CancellationToken);
        string[] lines;
        try
        {
            string agent = Path.Combine(RepositoryRoot(), "scripts", "ephemeral", "ingot");
            lines = (await ShellAsync($"{Busybox} awk -f '{agent}/flatten-json.awk' '{index}' | {Busybox} awk -v set=commissioning -f '{agent}/script-list.awk'"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(index);
        }

        Assert.Equal(entries.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split('\t');
            JsonNode entry = entries[i]!;
            Assert.Equal(entry["name"]!.GetValue<string>(), fields[0]);
            Assert.Equal(entry["path"]!.GetValue<string>(), fields[1]);
            Assert.Equal(entry["script_result_id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), fields[2]);
            Assert.Equal(entry["script_version_id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), fields[3]);
            Assert.Equal(entry["timeout_seconds"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), fields[4]);
            Assert.Equal("false", fields[5]);
        }
    }

    private static async Task<string> ShellAsync(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, stderr);
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ingot.slnx above {AppContext.BaseDirectory}.");
    }
}
