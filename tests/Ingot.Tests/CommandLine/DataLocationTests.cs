using System.Collections;
using Ingot.Hosting;

namespace Ingot.Tests.CommandLine;

public class DataLocationTests
{
    [Fact]
    public void Defaults_to_XDG_data_home_and_a_SQLite_file_in_it()
    {
        var env = new Hashtable { ["XDG_DATA_HOME"] = "/srv/xdg", ["HOME"] = "/home/op" };
        var location = DataLocation.Resolve(null, null, env);
        Assert.Equal("/srv/xdg/ingot", location.DataDirectory);
        Assert.Equal("Data Source=/srv/xdg/ingot/ingot.db", location.Database);
    }

    [Fact]
    public void Falls_back_to_the_home_directory_without_XDG_data_home()
    {
        var location = DataLocation.Resolve(null, null, new Hashtable { ["HOME"] = "/home/op" });
        Assert.Equal("/home/op/.local/share/ingot", location.DataDirectory);
    }

    [Fact]
    public void The_database_option_beats_the_environment_variable()
    {
        var env = new Hashtable { ["HOME"] = "/home/op", [DataLocation.DatabaseVariable] = "Host=env" };
        Assert.Equal("Host=env", DataLocation.Resolve("/d", null, env).Database);
        Assert.Equal("Host=option", DataLocation.Resolve("/d", "Host=option", env).Database);
        Assert.Equal("/d", DataLocation.Resolve("/d", null, env).DataDirectory);
    }
}
