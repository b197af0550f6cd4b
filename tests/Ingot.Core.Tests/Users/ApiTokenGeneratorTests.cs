using Ingot.Core.Users;

namespace Ingot.Core.Tests.Users;

public class ApiTokenGeneratorTests
{
    [Fact]
    public void A_token_has_MAAS_key_lengths_over_letters_and_digits()
    {
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        ApiToken token = ApiTokenGenerator.Create(7, "MAAS consumer", now);

        Assert.Equal((18, 18, 32), (token.ConsumerKey.Length, token.TokenKey.Length, token.TokenSecret.Length));
        Assert.All(token.ConsumerKey + token.TokenKey + token.TokenSecret, c => Assert.True(char.IsAsciiLetterOrDigit(c), $"'{c}'"));
        Assert.Equal((7L, "MAAS consumer", now), (token.UserId, token.Name, token.Created));
        Assert.Equal($"{token.ConsumerKey}:{token.TokenKey}:{token.TokenSecret}", token.ApiKey);
    }

    [Fact]
    public void Tokens_are_unique_and_use_the_whole_alphabet()
    {
        ApiToken[] tokens = [.. Enumerable.Range(0, 200).Select(_ => ApiTokenGenerator.Create(1, "", default))];

        Assert.Equal(tokens.Length, tokens.Select(t => t.TokenSecret).Distinct().Count());
        Assert.Equal(tokens.Length, tokens.Select(t => t.TokenKey).Distinct().Count());
        // 200 secrets of 32 characters draw 6400 times from 62: every character appears.
        Assert.Equal(ApiTokenGenerator.Alphabet.Order(), tokens.SelectMany(t => t.TokenSecret).Distinct().Order());
    }
}
