using System.Security.Cryptography;

namespace Ingot.Core.Users;

/// <summary>
/// New API keys the way MAAS makes them: an 18-character consumer key, an 18-character token key
/// and a 32-character token secret, each drawn from a CSPRNG over ASCII letters and digits.
/// </summary>
public static class ApiTokenGenerator
{
    public const int KeyLength = 18;
    public const int SecretLength = 32;
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A new token for <paramref name="userId"/>; MAAS names the first one after the user's API key.</summary>
    public static ApiToken Create(long userId, string name, DateTime now) => new()
    {
        UserId = userId,
        ConsumerKey = RandomNumberGenerator.GetString(Alphabet, KeyLength),
        TokenKey = RandomNumberGenerator.GetString(Alphabet, KeyLength),
        TokenSecret = RandomNumberGenerator.GetString(Alphabet, SecretLength),
        Name = name,
        Created = now,
    };
}
