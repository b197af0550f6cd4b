using System.Globalization;
using Ingot.Core.Power;

namespace Ingot.Web.Machines;

/// <summary>How the pages write quantities, as MAAS's UI does: memory in GiB, storage in GB (decimal), power in lower case.</summary>
public static class Display
{
    public static string Power(PowerState state) => state.ToString().ToLowerInvariant();

    public static string MemoryGiB(long mebibytes) =>
        (mebibytes / 1024.0).ToString(mebibytes % 1024 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " GiB";

    public static string StorageGB(long bytes, int disks) =>
        disks == 0 ? "—" : (bytes / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " GB";

    public static string Bytes(long bytes) => (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB";

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
