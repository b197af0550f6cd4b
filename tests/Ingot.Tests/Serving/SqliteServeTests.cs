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
}
