using System.Runtime.CompilerServices;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;

namespace Ingot.Data.Stores;

/// <summary>
/// A <see cref="Machine"/>'s private constructor and private setters, as EF reaches them, for
/// <see cref="MachineRows"/>: <see cref="UnsafeAccessorAttribute"/>, no reflection at run time.
/// </summary>
internal static class MachineSetters
{
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    public static extern Machine NewMachine();

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ScriptRun")]
    public static extern void SetScriptRun(Machine machine, int value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Machine machine, long value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_SystemId")]
    public static extern void SetSystemId(Machine machine, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Status")]
    public static extern void SetStatus(Machine machine, MachineStatus value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PreviousStatus")]
    public static extern void SetPreviousStatus(Machine machine, MachineStatus value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Owner")]
    public static extern void SetOwner(Machine machine, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Locked")]
    public static extern void SetLocked(Machine machine, bool value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_StatusExpires")]
    public static extern void SetStatusExpires(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Created")]
    public static extern void SetCreated(Machine machine, DateTime value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Version")]
    public static extern void SetVersion(Machine machine, long value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_RequestedPower")]
    public static extern void SetRequestedPower(Machine machine, PowerRequest value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ClaimedPower")]
    public static extern void SetClaimedPower(Machine machine, PowerRequest value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PowerClaimExpires")]
    public static extern void SetPowerClaimExpires(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PowerClaimedBy")]
    public static extern void SetPowerClaimedBy(Machine machine, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PowerClaimBooted")]
    public static extern void SetPowerClaimBooted(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_EnableHwSync")]
    public static extern void SetEnableHwSync(Machine machine, bool value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_LastSync")]
    public static extern void SetLastSync(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_SyncInterval")]
    public static extern void SetSyncInterval(Machine machine, int? value);
}
