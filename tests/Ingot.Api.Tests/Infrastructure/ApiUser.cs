using Ingot.Core.Users;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>A user made by <see cref="ApiHost.CreateUserAsync"/> and its API key.</summary>
public sealed record ApiUser(User User, string ApiKey)
{
    public string Username => User.Username;
}
