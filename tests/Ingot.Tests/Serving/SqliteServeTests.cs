using Ingot.Hosting;

namespace Ingot.Tests.Serving;

public sealed class SqliteServeTests : ServeContract
{
    protected override string[] DatabaseArgs => ["--data-dir", DataDir];

    protected override DataLocation Location => DataLocation.Resolve(DataDir, null);

    [Fact]
    public async Task Without_options_the_store_is_a_SQLite_file_under_XDG_data_home()
    {
        var env = new Dictionary<string, string> { ["XDG_DATA_HOME"] = DataDir };
        var (code, output) = await IngotProcess.RunAsync(env, "createadmin", "--username", "root", "--password", "pw", "--email", "root@example.com");
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(DataDir, "ingot", "ingot.db")), output);
    }

    [Fact]
    public async Task Serve_says_boot_services_are_off_without_a_boot_interface_and_on_with_one()
    {
        int port = IngotProcess.FreePort();
        await using (var off = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}"]))
        {
            await off.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
            Assert.Contains(BootInterfaceSettings.OffMessage, off.Output, StringComparison.Ordinal);
            Assert.Equal(0, await off.StopAsync(TimeSpan.FromSeconds(30)));
        }

        await using (var on = IngotProcess.Start(null, ["serve", .. DatabaseArgs, "--urls", $"http://127.0.0.1:{port}", "--boot-interface", "lo"]))
        {
            await on.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
            Assert.Contains("Boot services (DHCP, TFTP) on: lo", on.Output, StringComparison.Ordinal);
            Assert.Equal(0, await on.StopAsync(TimeSpan.FromSeconds(30)));
        }

        var (code, output) = await IngotProcess.RunAsync(null, ["serve", .. DatabaseArgs, "--boot-interface", "nosuch0"]);
        Assert.NotEqual(0, code);
        Assert.Contains("no such interface on this host: nosuch0", output, StringComparison.Ordinal);
    }
}
