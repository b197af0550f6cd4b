using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Deleting_a_token_removes_only_that_users_token()
    {
        await using DataServices data = Database.Open();
        var owner = new User { Username = $"del-{TestMachines.NewSystemId()}", Created = Now };
        var other = new User { Username = $"oth-{TestMachines.NewSystemId()}", Created = Now };
        await data.Users.AddAsync(owner, Ct);
        await data.Users.AddAsync(other, Ct);
        ApiToken kept = ApiTokenGenerator.Create(owner.Id, "kept", Now);
        ApiToken gone = ApiTokenGenerator.Create(owner.Id, "gone", Now);
        await data.Users.AddTokenAsync(kept, Ct);
        await data.Users.AddTokenAsync(gone, Ct);

        Assert.False(await data.Users.DeleteTokenAsync(other.Id, gone.TokenKey, Ct));
        Assert.True(await data.Users.DeleteTokenAsync(owner.Id, gone.TokenKey, Ct));
        Assert.False(await data.Users.DeleteTokenAsync(owner.Id, gone.TokenKey, Ct));

        Assert.Equal([kept.ApiKey], (await data.Users.TokensAsync(owner.Id, Ct)).Select(t => t.ApiKey));
        Assert.Null(await data.Users.FindTokenAsync(gone.TokenKey, Ct));
    }

    [Fact]
    public async Task Deleting_a_user_removes_its_tokens()
    {
        await using DataServices data = Database.Open();
        var user = new User { Username = $"bye-{TestMachines.NewSystemId()}", Created = Now };
        await data.Users.AddAsync(user, Ct);
        ApiToken token = ApiTokenGenerator.Create(user.Id, "t", Now);
        await data.Users.AddTokenAsync(token, Ct);

        Assert.True(await data.Users.DeleteAsync(user.Id, Ct));
        Assert.False(await data.Users.DeleteAsync(user.Id, Ct));

        Assert.Null(await data.Users.FindAsync(user.Username, Ct));
        Assert.Null(await data.Users.FindTokenAsync(token.TokenKey, Ct));
        Assert.Empty(await data.Users.TokensAsync(user.Id, Ct));
    }
}
