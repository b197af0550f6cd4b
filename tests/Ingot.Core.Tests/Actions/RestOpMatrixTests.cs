using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>
/// Every (status × REST op) pair: the resulting status or the exact refusal with its HTTP
/// category, with the op's source statuses taken from <c>maas-transitions.json</c> "api_ops". The
/// caller is an admin who owns the machine (NEW and READY machines have no owner); unlock is tried
/// on a locked machine.
/// </summary>
public class RestOpMatrixTests
{
    public static readonly string[] Ops =
    [
        "commission", "test", "deploy", "release", "abort", "mark_broken", "mark_fixed", "rescue_mode",
        "exit_rescue_mode", "lock", "unlock", "override_failed_testing", "power_on", "power_off",
        "allocate", "accept", "delete",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (MachineStatus status in MachineStatuses.All)
        {
            foreach (string op in Ops)
            {
                data.Add(status.ConstantName(), op);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Op_in_status_ends_as_MAAS_says(string statusName, string op)
    {
        MachineStatus status = ReferenceData.Status(statusName);
        Actor actor = Actor.User(MachineFixture.Root, isAdmin: true);
        Machine machine = MachineFixture.InStatus(status, owner: actor.Username, locked: op == "unlock");
        var store = await MachineFixture.StoreWith(machine);
        var ops = new MachineOperations(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);
        string id = machine.SystemId;
        CancellationToken ct = CancellationToken.None;

        Outcome outcome = Expect(status, op, machine);
        await outcome.AssertAsync(store, id, status, Run(ops, op, id, actor));

        Machine? after = await store.FindAsync(id, ct);
        if (op is "lock" && outcome.Message is null)
        {
            Assert.True(after!.Locked);
        }

        if (op is "unlock")
        {
            Assert.False(after!.Locked);
        }
    }

    /// <summary>REST op <paramref name="op"/> on machine <paramref name="id"/> as <paramref name="actor"/>.</summary>
    internal static Func<Task> Run(MachineOperations ops, string op, string id, Actor actor)
    {
        CancellationToken ct = CancellationToken.None;
        return op switch
        {
            "commission" => () => ops.CommissionAsync(id, actor, null, ct),
            "test" => () => ops.TestAsync(id, actor, false, ct),
            "deploy" => () => ops.DeployAsync(id, actor, null, ct),
            "release" => () => ops.ReleaseAsync(id, actor, null, ct),
            "abort" => () => ops.AbortAsync(id, actor, null, ct),
            "mark_broken" => () => ops.MarkBrokenAsync(id, actor, "broken", ct),
            "mark_fixed" => () => ops.MarkFixedAsync(id, actor, null, ct),
            "rescue_mode" => () => ops.RescueModeAsync(id, actor, ct),
            "exit_rescue_mode" => () => ops.ExitRescueModeAsync(id, actor, ct),
            "lock" => () => ops.LockAsync(id, actor, null, ct),
            "unlock" => () => ops.UnlockAsync(id, actor, null, ct),
            "override_failed_testing" => () => ops.OverrideFailedTestingAsync(id, actor, null, ct),
            "power_on" => () => ops.PowerOnAsync(id, actor, null, ct),
            "power_off" => () => ops.PowerOffAsync(id, actor, StopMode.Hard, null, ct),
            "allocate" => () => ops.AllocateAsync(actor, null, ct),
            "accept" => () => ops.AcceptAsync([id], actor, ct),
            "delete" => () => ops.DeleteAsync(id, actor, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    internal static Outcome Expect(MachineStatus status, string op, Machine machine)
    {
        JsonElement row = ReferenceData.ApiOps.EnumerateObject().Single(p => p.Name.EndsWith(" op=" + op, StringComparison.Ordinal)
            || (op == "delete" && p.Name.StartsWith("DELETE", StringComparison.Ordinal))).Value;
        HashSet<MachineStatus> from = From(row);
        string label = status.Label();
        return op switch
        {
            "commission" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Commissioning)
                : Outcome.Refused(ErrorCategory.BadRequest, "Commission is not available because of the current state of the node."),
            "test" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Testing)
                : Outcome.Refused(ErrorCategory.BadRequest, "Test is not available because of the current state of the node."),
            "deploy" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Deploying)
                : Outcome.Refused(ErrorCategory.Conflict, Fill(row.GetProperty("error_409").GetString()!, label)),
            "release" => Statuses(row, "noop_from").Contains(status)
                ? Outcome.Becomes(status)
                : from.Contains(status)
                    ? Outcome.Becomes(MachineStatus.Releasing)
                    : Outcome.Refused(ErrorCategory.Conflict, Fill(row.GetProperty("error_409").GetString()!, label)),
            "abort" => from.Contains(status)
                ? Outcome.Becomes(AbortTarget(status))
                : Outcome.Refused(ErrorCategory.Conflict, $"Cannot abort in current state: node {machine.SystemId} is in state {label}."),
            // 403 unless the caller owns the machine: NEW and READY machines have no owner.
            "mark_broken" => machine.Owner == MachineFixture.Root
                ? Outcome.Becomes(MachineStatus.Broken)
                : Outcome.Refused(ErrorCategory.Forbidden, "You do not have permission to perform this action."),
            "mark_fixed" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Ready)
                : Outcome.Refused(ErrorCategory.Conflict, "Can't mark a non-broken node as 'Ready'."),
            "rescue_mode" => Transition(status, MachineStatus.EnteringRescueMode, from),
            "exit_rescue_mode" => Transition(status, MachineStatus.ExitingRescueMode, from),
            "lock" => from.Contains(status)
                ? Outcome.Becomes(status)
                : Outcome.Refused(ErrorCategory.Conflict, "Can't lock, node is not deployed or deploying"),
            "override_failed_testing" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Ready)
                : Outcome.Refused(ErrorCategory.Conflict, "Unable to override node status. Node is not in 'Failed testing' status."),
            "power_on" => machine.Owner is null
                ? Outcome.Refused(ErrorCategory.Conflict, "Can't start node: it hasn't been allocated.")
                : Outcome.Becomes(status == MachineStatus.Allocated ? MachineStatus.Deploying : status),
            "allocate" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Allocated)
                : Outcome.Refused(ErrorCategory.Conflict, "No machine available."),
            "accept" => from.Contains(status)
                ? Outcome.Becomes(MachineStatus.Commissioning)
                : Statuses(row, "noop_from").Contains(status)
                    ? Outcome.Becomes(status)
                    : Outcome.Refused(ErrorCategory.Conflict, $"Cannot accept node enlistment: node {machine.SystemId} is in state {label}."),
            "delete" => Outcome.Gone,
            _ => Outcome.Becomes(status), // unlock, power_off: status unchanged
        };
    }

    private static Outcome Transition(MachineStatus status, MachineStatus to, HashSet<MachineStatus> sources) =>
        sources.Contains(status) || status == to
            ? Outcome.Becomes(to)
            : Outcome.Refused(ErrorCategory.Conflict, $"Invalid transition: {status.Label()} -> {to.Label()}.");

    private static MachineStatus AbortTarget(MachineStatus status)
    {
        string target = ReferenceData.Actions.GetProperty("abort").GetProperty("to_by_from").GetProperty(status.ConstantName()).GetString()!;
        return target.StartsWith("previous_status", StringComparison.Ordinal) ? MachineStatus.Ready : ReferenceData.Status(target);
    }

    private static string Fill(string template, string label) => template.Replace("<label>", label, StringComparison.Ordinal);

    private static HashSet<MachineStatus> Statuses(JsonElement row, string property) =>
        row.TryGetProperty(property, out JsonElement e) ? ReferenceData.Statuses(e).ToHashSet() : new HashSet<MachineStatus>();

    /// <summary>The op's "from", resolved: a list, an action's list, a named set, or table sources.</summary>
    private static HashSet<MachineStatus> From(JsonElement row)
    {
        if (!row.TryGetProperty("from", out JsonElement from))
        {
            return MachineStatuses.All.ToHashSet();
        }

        if (from.ValueKind == JsonValueKind.Array)
        {
            return ReferenceData.Statuses(from).ToHashSet();
        }

        string text = from.GetString()!;
        if (text.StartsWith("as action '", StringComparison.Ordinal))
        {
            return [.. ReferenceData.ActionFrom(text["as action '".Length..^1])];
        }

        if (text.StartsWith("transition table sources of ", StringComparison.Ordinal))
        {
            MachineStatus to = ReferenceData.Status(text["transition table sources of ".Length..]);
            return MachineStatuses.All.Where(s => ReferenceData.Transitions(s).Contains(to)).ToHashSet();
        }

        return text == "releasable_statuses" ? [.. ReferenceData.Set("releasable_statuses")] : MachineStatuses.All.ToHashSet();
    }
}
