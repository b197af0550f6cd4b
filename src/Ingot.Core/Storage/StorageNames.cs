using System.Text.RegularExpressions;

namespace Ingot.Core.Storage;

/// <summary>Names of volume groups, logical volumes and RAIDs: what LVM and mdadm accept as device names.</summary>
public static partial class StorageNames
{
    public const string InvalidMessage = "Name may only contain letters, digits, '.', '_', '+' and '-', and may not start with '-'.";

    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_.+][A-Za-z0-9_.+-]{0,126}$")]
    private static partial Regex NamePattern();
}
