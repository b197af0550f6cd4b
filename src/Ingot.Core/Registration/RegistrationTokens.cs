using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Scripts;

namespace Ingot.Core.Registration;

/// <summary>
/// One-use tokens for registering a running (deployed) machine: <c>&lt;system_id&gt;.&lt;mac&gt;</c>, where
/// the MAC is HMAC-SHA256 keyed with the machine's metadata token secret over the system id, the
/// machine's <see cref="Machine.ScriptRun"/> and the id and <see cref="ScriptSet.Version"/> of the run's
/// commissioning set (none before the first report). A report saves that set (its version goes up) or makes
/// one, so the token it used stops verifying: each token reports once, and the next report needs a fresh one.
/// Nothing is stored; a new metadata token also voids every outstanding registration token.
/// </summary>
public static class RegistrationTokens
{
    private const int MacLength = 32;

    /// <summary>A token for <paramref name="machine"/>; <paramref name="set"/> is the commissioning set of its current run, if any.</summary>
    public static string Issue(Machine machine, MachineToken token, ScriptSet? set) => $"{machine.SystemId}.{Mac(machine, token, set)}";

    /// <summary>The system id a token names, or null when it is not shaped like one.</summary>
    public static string? SystemIdOf(string value)
    {
        int dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && value.Length - dot - 1 == MacLength ? value[..dot] : null;
    }

    public static bool Verify(Machine machine, MachineToken token, ScriptSet? set, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] expected = Encoding.ASCII.GetBytes(Issue(machine, token, set));
        byte[] given = Encoding.ASCII.GetBytes(value);
        return expected.Length == given.Length && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Mac(Machine machine, MachineToken token, ScriptSet? set)
    {
        byte[] message = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"register:{machine.SystemId}:{machine.ScriptRun}:{set?.Id ?? 0}:{set?.Version ?? 0}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token.TokenSecret), message))[..MacLength];
    }
}
