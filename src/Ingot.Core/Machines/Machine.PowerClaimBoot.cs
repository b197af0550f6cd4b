using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// When the machine network-booted (asked for its iPXE script, <see cref="RecordBootUnderPowerClaim"/>) while
    /// the current step of a claimed power-on or cycle had no result yet; null when it has not, or nothing is
    /// claimed. The machine's own evidence that the step took effect: a region that takes the claim over does not
    /// send it again (the BMC alone cannot tell, since the machine may have booted and turned itself off since).
    /// Cleared when a claim or a cycle's next step starts and when the result is recorded; kept by a takeover.
    /// </summary>
    public DateTime? PowerClaimBooted { get; private set; }

    /// <summary>
    /// The claim a network boot now would be evidence for: the expiry of a claimed power-on or cycle (it names
    /// the claim and its step: each take, takeover and step sets it anew) that has no boot recorded yet; null otherwise.
    /// </summary>
    public DateTime? PowerClaimAwaitingBoot =>
        ClaimedPower is PowerRequest.On or PowerRequest.Cycle && PowerClaimBooted is null ? PowerClaimExpires : null;

    /// <summary>
    /// Records that the machine network-booted at <paramref name="now"/> under its claim, when that claim is still
    /// the one the boot server saw (<paramref name="claimSeen"/>, <see cref="PowerClaimAwaitingBoot"/> when it chose
    /// the script: the script it served was chosen by the status the claim's request was made for). True when
    /// that changed the machine.
    /// </summary>
    public bool RecordBootUnderPowerClaim(DateTime? claimSeen, DateTime now)
    {
        if (claimSeen is null || PowerClaimAwaitingBoot != claimSeen)
        {
            return false;
        }

        PowerClaimBooted = now;
        return true;
    }
}
