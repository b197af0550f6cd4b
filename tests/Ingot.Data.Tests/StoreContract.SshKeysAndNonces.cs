using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    /// <summary>An ed25519 public key (the blob names its type, as ssh-keygen writes it).</summary>
    public const string Ed25519Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host";

    [Fact]
    public async Task Ssh_keys_belong_to_their_user_and_the_same_key_twice_is_refused()
    {
        await using DataServices data = Database.Open();
        var keys = new SshKeyOperations(data.SshKeys, Time);
        User alice = await AddUserAsync(data, "alice");
        User bob = await AddUserAsync(data, "bob");

        SshKey key = await keys.CreateAsync(alice, "  " + Ed25519Key.Replace(" user@host", "  user@host", StringComparison.Ordinal) + "\n", Ct);
        var duplicate = await Assert.ThrowsAsync<MachineFormException>(() => keys.CreateAsync(alice, Ed25519Key, Ct));
        SshKey bobs = await keys.CreateAsync(bob, Ed25519Key, Ct);
        var notYours = await Assert.ThrowsAsync<MachineOperationException>(() => keys.DeleteAsync(bob, key.Id, Ct));

        Assert.Equal(Ed25519Key, key.Key);
        Assert.Equal(["This key has already been added for this user."], duplicate.Errors["key"]);
        Assert.Equal([Ed25519Key], (await keys.ListAsync(alice, Ct)).Select(k => k.Key));
        Assert.Equal(("Can't delete a key you don't own.", ErrorCategory.Forbidden), (notYours.Message, notYours.Category));
        await keys.DeleteAsync(bob, bobs.Id, Ct);
        Assert.Empty(await keys.ListAsync(bob, Ct));
        Assert.Equal(key.Id, (await keys.GetAsync(alice, key.Id, Ct)).Id);
    }

    [Fact]
    public async Task A_nonce_is_accepted_once_per_consumer_and_token_even_from_two_regions()
    {
        await using DataServices regionA = Database.Open();
        await using DataServices regionB = Database.Open();
        string nonce = TestMachines.NewSystemId();

        bool[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? regionA : regionB).Nonces.TryRecordAsync("consumer", "token", nonce, Now, Ct)));
        bool otherToken = await regionA.Nonces.TryRecordAsync("consumer", "token-2", nonce, Now, Ct);

        Assert.Equal(1, results.Count(r => r));
        Assert.True(otherToken);
    }

    /// <summary>
    /// Many requests at once, with replays among them: each gets its own answer, and their nonces share a few
    /// transactions instead of one each.
    /// </summary>
    [Fact]
    public async Task Nonces_recorded_at_once_share_transactions_and_each_request_gets_its_own_answer()
    {
        await using DataServices data = Database.Open();
        var ledger = Assert.IsType<Ingot.Data.Stores.NonceLedger>(data.Nonces);
        string consumer = $"c-{TestMachines.NewSystemId()}";
        int before = ledger.Transactions;

        Task<bool>[] calls = [.. Enumerable.Range(0, 300).Select(i => ledger.TryRecordAsync(consumer, "t", $"n-{i % 200}", Now, Ct))];
        bool[] results = await Task.WhenAll(calls);

        Assert.Equal(200, results.Count(r => r));
        Assert.All(Enumerable.Range(200, 100), i => Assert.False(results[i], $"call {i} replays n-{i % 200}"));
        Assert.InRange(ledger.Transactions - before, 1, 30);
        Assert.False(await ledger.TryRecordAsync(consumer, "t", "n-7", Now, Ct));
    }

    [Fact]
    public async Task Pruning_forgets_only_nonces_older_than_the_window()
    {
        await using DataServices data = Database.Open();
        string consumer = $"c-{TestMachines.NewSystemId()}";
        await data.Nonces.TryRecordAsync(consumer, "t", "old", Now.AddMinutes(-30), Ct);
        await data.Nonces.TryRecordAsync(consumer, "t", "new", Now, Ct);

        int pruned = await data.Nonces.PruneAsync(Now.AddMinutes(-10), Ct);

        Assert.True(pruned >= 1);
        Assert.True(await data.Nonces.TryRecordAsync(consumer, "t", "old", Now, Ct));
        Assert.False(await data.Nonces.TryRecordAsync(consumer, "t", "new", Now, Ct));
    }

    private async Task<User> AddUserAsync(DataServices data, string prefix)
    {
        var user = new User { Username = $"{prefix}-{TestMachines.NewSystemId()}", Created = Now };
        await data.Users.AddAsync(user, Ct);
        return user;
    }
}
