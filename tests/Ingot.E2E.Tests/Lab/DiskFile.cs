namespace Ingot.E2E.Tests.Lab;

/// <summary>Reads a VM's raw disk file from the host (shared, while qemu may hold it).</summary>
internal static class DiskFile
{
    /// <summary>Whether <paramref name="length"/> bytes at <paramref name="offset"/> are all zero.</summary>
    public static bool IsZero(string path, long offset, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        byte[] buffer = new byte[length];
        file.ReadExactly(buffer);
        return buffer.All(b => b == 0);
    }
}
