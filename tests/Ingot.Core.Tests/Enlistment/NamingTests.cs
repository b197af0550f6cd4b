using System.Globalization;
using Ingot.Core.Enlistment;

namespace Ingot.Core.Tests.Enlistment;

public class NamingTests
{
    [Fact]
    public void System_ids_are_six_characters_from_the_znum_alphabet()
    {
        var generator = new SystemIdGenerator(new Random(42));
        for (int i = 0; i < 500; i++)
        {
            string id = generator.Next();
            Assert.Equal(6, id.Length);
            Assert.All(id, c => Assert.Contains(c, SystemIdGenerator.Alphabet));
            Assert.True(SystemIdGenerator.IsWellFormed(id), id);
        }
    }

    [Fact]
    public void The_alphabet_leaves_out_confusable_characters()
    {
        Assert.Equal(24, SystemIdGenerator.Alphabet.Length);
        foreach (char c in "01259ijlouvz")
        {
            Assert.DoesNotContain(c, SystemIdGenerator.Alphabet);
        }
    }

    [Fact]
    public void Same_random_seed_gives_same_ids()
    {
        var a = new SystemIdGenerator(new Random(7));
        var b = new SystemIdGenerator(new Random(7));
        Assert.Equal(a.Next(), b.Next());
    }

    [Theory]
    [InlineData(0, "3")]
    [InlineData(23, "y")]
    [InlineData(24, "43")]
    [InlineData(7962624, "433333")]
    public void FromNumber_writes_base_24_with_MAAS_digits(long number, string expected) =>
        Assert.Equal(expected, SystemIdGenerator.FromNumber(number));

    [Theory]
    [InlineData("192-168-1-10", true)]
    [InlineData("10-0-0-1", true)]
    [InlineData("1-2-3-4", true)]
    [InlineData("192.168.1.10", false)]
    [InlineData("node-192-168-1-10", false)]
    [InlineData("192-168-1-10-extra", false)]
    [InlineData("steady-otter", false)]
    public void IP_based_hostnames_are_recognised(string hostname, bool ipBased) =>
        Assert.Equal(ipBased, HostnameGenerator.IsIpBased(hostname));

    [Fact]
    public void Generated_hostnames_are_two_words_joined_by_a_dash()
    {
        var generator = new HostnameGenerator(new Random(3));
        for (int i = 0; i < 100; i++)
        {
            string[] words = generator.Next().Split('-');
            Assert.Equal(2, words.Length);
            Assert.Contains(words[0], HostnameGenerator.Adjectives);
            Assert.Contains(words[1], HostnameGenerator.Nouns);
        }
    }

    [Fact]
    public void NextUnused_avoids_taken_hostnames()
    {
        var taken = new HashSet<string>(
            HostnameGenerator.Adjectives.SelectMany(a => HostnameGenerator.Nouns.Select(n => $"{a}-{n}")));
        string name = new HostnameGenerator(new Random(1)).NextUnused(taken);
        Assert.DoesNotContain(name, taken);
        Assert.EndsWith("-2", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickUnused_asks_a_few_bounded_questions_and_numbers_names_once_every_word_pair_is_taken()
    {
        var taken = new HashSet<string>(
            HostnameGenerator.Adjectives.SelectMany(a => HostnameGenerator.Nouns.Select(n => $"{a}-{n}")));
        var questions = new List<IReadOnlyCollection<string>>();

        string name = await new HostnameGenerator(new Random(2)).PickUnusedAsync(names =>
        {
            questions.Add(names);
            return Task.FromResult<IReadOnlySet<string>>(names.Where(taken.Contains).ToHashSet());
        });

        Assert.DoesNotContain(name, taken);
        Assert.EndsWith("-2", name, StringComparison.Ordinal);
        Assert.Equal(4, questions.Count);
        Assert.All(questions, q => Assert.InRange(q.Count, 1, HostnameGenerator.CandidatesPerAsk));
    }

    [Fact]
    public async Task PickUnused_takes_the_first_free_number_after_a_stem()
    {
        var generator = new HostnameGenerator(new Random(5));
        string name = await generator.PickUnusedAsync(names =>
        {
            // Every two-word name and the numbers up to 40 are taken: the second numbered question finds 41.
            return Task.FromResult<IReadOnlySet<string>>(names
                .Where(n => n.Count(c => c == '-') == 1 || int.Parse(n[(n.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture) <= 40)
                .ToHashSet());
        });

        Assert.Matches("^[a-z]+-[a-z]+-41$", name);
    }
}
