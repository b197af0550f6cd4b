using System.Data.Common;
using Ingot.Core.Config;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Users_round_trip_and_a_taken_username_is_refused()
    {
        await using DataServices data = Database.Open();
        string name = $"user-{TestMachines.NewSystemId()}";
        var user = new User { Username = name, Email = $"{name}@example.com", IsAdmin = true, PasswordHash = PasswordHasher.Hash("pw", 1), Created = Now };

        await data.Users.AddAsync(user, Ct);
        User? found = await data.Users.FindAsync(name, Ct);

        Assert.NotNull(found);
        Assert.Equal((user.Id, name, user.Email, true, true, user.PasswordHash, Now), (found.Id, found.Username, found.Email, found.IsAdmin, found.IsActive, found.PasswordHash, found.Created));
        Assert.Contains(await data.Users.ListAsync(Ct), u => u.Username == name);
        var taken = await Assert.ThrowsAsync<MachineOperationException>(() => data.Users.AddAsync(new User { Username = name }, Ct));
        Assert.Equal(ErrorCategory.BadRequest, taken.Category);
        Assert.Null(await data.Users.FindAsync("nobody-" + name, Ct));
    }

    [Fact]
    public async Task Api_tokens_round_trip_with_their_secret_and_are_found_by_token_key()
    {
        await using DataServices data = Database.Open();
        var user = new User { Username = $"tok-{TestMachines.NewSystemId()}", Created = Now };
        await data.Users.AddAsync(user, Ct);
        ApiToken first = ApiTokenGenerator.Create(user.Id, "first", Now);
        ApiToken second = ApiTokenGenerator.Create(user.Id, "second", Now);

        await data.Users.AddTokenAsync(first, Ct);
        await data.Users.AddTokenAsync(second, Ct);

        Assert.Equal([first.ApiKey, second.ApiKey], (await data.Users.TokensAsync(user.Id, Ct)).Select(t => t.ApiKey));
        var found = await data.Users.FindTokenAsync(second.TokenKey, Ct);
        Assert.NotNull(found);
        Assert.Equal((second.ApiKey, "second", user.Username), (found.Value.Token.ApiKey, found.Value.Token.Name, found.Value.User.Username));
        Assert.Null(await data.Users.FindTokenAsync("no-such-token-key", Ct));
    }

    [Fact]
    public async Task Power_parameters_and_token_secrets_are_not_stored_in_plain_text()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        string password = machine.PowerParameters["power_pass"];
        await data.Machines.AddAsync(machine, Ct);
        var user = new User { Username = $"sec-{machine.SystemId}", Created = Now };
        await data.Users.AddAsync(user, Ct);
        ApiToken token = ApiTokenGenerator.Create(user.Id, "key", Now);
        await data.Users.AddTokenAsync(token, Ct);

        string rawParameters = await RawColumnAsync(data, "SELECT power_parameters FROM machines WHERE system_id = @key", machine.SystemId);
        string rawSecret = await RawColumnAsync(data, "SELECT token_secret FROM api_tokens WHERE token_key = @key", token.TokenKey);

        Assert.DoesNotContain(password, rawParameters, StringComparison.Ordinal);
        Assert.DoesNotContain("power_pass", rawParameters, StringComparison.Ordinal);
        Assert.DoesNotContain(token.TokenSecret, rawSecret, StringComparison.Ordinal);
        Assert.Equal(password, (await data.Machines.FindAsync(machine.SystemId, Ct))!.PowerParameters["power_pass"]);
        Assert.Equal(token.TokenSecret, (await data.Users.FindTokenAsync(token.TokenKey, Ct))!.Value.Token.TokenSecret);
    }

    [Fact]
    public async Task Secrets_written_by_one_process_are_read_by_another_through_the_shared_key_ring()
    {
        Machine machine = TestMachines.Full(Now);
        await using (DataServices writer = Database.Open())
        {
            await writer.Machines.AddAsync(machine, Ct);
        }

        await using DataServices reader = Database.Open();

        Assert.Equal(machine.PowerParameters["k_g"], (await reader.Machines.FindAsync(machine.SystemId, Ct))!.PowerParameters["k_g"]);
    }

    [Fact]
    public async Task Settings_round_trip_and_node_timeout_feeds_the_lifecycle_settings()
    {
        await using DataServices data = Database.Open();
        string name = $"setting_{TestMachines.NewSystemId()}";
        Assert.Null(await data.Config.GetAsync(name, Ct));

        await data.Config.SetAsync(name, "one", Ct);
        await data.Config.SetAsync(name, "two", Ct);
        await data.Config.SetAsync(ConfigNames.NodeTimeout, "45", Ct);

        Assert.Equal("two", await data.Config.GetAsync(name, Ct));
        Assert.Equal("two", (await data.Config.AllAsync(Ct))[name]);
        Assert.Equal(45, (await LifecycleSettingsLoader.LoadAsync(data.Config, Ct)).NodeTimeout);
    }

    private static async Task<string> RawColumnAsync(DataServices data, string sql, string key)
    {
        await using IngotDbContext db = data.Database.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        return Assert.IsType<string>(await command.ExecuteScalarAsync(Ct));
    }
}
