namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// MAAS's <c>OwnerData</c> (shown as <c>owner_data</c> and <c>workload_annotations</c>):
    /// key/value pairs the owner puts on the machine while it is allocated; deleted when the
    /// machine is released.
    /// </summary>
    public Dictionary<string, string> OwnerData { get; set; } = [];

    /// <summary>
    /// <c>set_workload_annotations</c> / <c>set_owner_data</c>: sets each key; an empty value
    /// deletes the key. A machine nobody owns refuses with MAAS's 409. Keys are at most 255 characters.
    /// </summary>
    public void SetOwnerData(IReadOnlyDictionary<string, string> values, DateTime now)
    {
        if (Owner is null)
        {
            throw MachineOperationException.StateViolation("Cannot set workload annotation: it hasn't been acquired.");
        }

        if (values.Keys.FirstOrDefault(k => k.Length is 0 or > 255) is { } badKey)
        {
            throw MachineOperationException.Validation(
                badKey.Length == 0 ? "Workload annotation keys cannot be empty." : $"Workload annotation key is too long: {badKey[..20]}...");
        }

        foreach ((string key, string value) in values)
        {
            if (value.Length == 0)
            {
                OwnerData.Remove(key);
            }
            else
            {
                OwnerData[key] = value;
            }
        }

        Updated = now;
    }
}
