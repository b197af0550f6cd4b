using System.Diagnostics;
using Ingot.Core.BootResources;

namespace Ingot.BootResources;

/// <summary>
/// <see cref="IStreamSignature"/> with Debian's <c>gpgv</c>: <c>gpgv --keyring KEYRING --output - FILE</c>
/// checks the clear-signed file and writes the text it signs. The keyring is the source's
/// <c>keyring_data</c> (written to a temporary file) or else its <c>keyring_filename</c>.
/// </summary>
public sealed class GpgvStreamSignature(BootResourceImportOptions options) : IStreamSignature
{
    public const string Program = "gpgv";

    public async Task<byte[]> VerifyAsync(byte[] message, BootSource source, CancellationToken ct)
    {
        DirectoryInfo work = Directory.CreateTempSubdirectory("ingot-gpgv-");
        try
        {
            string keyring = source.KeyringData.Length > 0 ? Path.Combine(work.FullName, "keyring.gpg") : source.KeyringFilename;
            if (source.KeyringData.Length > 0)
            {
                await File.WriteAllBytesAsync(keyring, source.KeyringData, ct);
            }
            else if (keyring.Length == 0 || !File.Exists(keyring))
            {
                throw new StreamSignatureException(
                    $"the keyring {(keyring.Length == 0 ? "(none given)" : keyring)} does not exist, so the signed stream cannot be verified.");
            }

            string signed = Path.Combine(work.FullName, "stream.sjson");
            await File.WriteAllBytesAsync(signed, message, ct);
            return await RunAsync(keyring, signed, ct);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<byte[]> RunAsync(string keyring, string signed, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--keyring", keyring, "--output", "-", "--", signed])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new StreamSignatureException($"{Program} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new StreamSignatureException($"{Program} could not be run ({e.Message}); install Debian's gpgv package.");
        }

        using (process)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(options.ReadTimeout);
            using var output = new MemoryStream();
            Task copy = process.StandardOutput.BaseStream.CopyToAsync(output, bound.Token);
            Task<string> errors = process.StandardError.ReadToEndAsync(bound.Token);
            try
            {
                await Task.WhenAll(copy, errors, process.WaitForExitAsync(bound.Token));
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            if (process.ExitCode != 0)
            {
                string why = (await errors).Trim().Replace('\n', ' ');
                throw new StreamSignatureException($"the signature could not be verified with keyring {keyring}: {why}");
            }

            return output.ToArray();
        }
    }
}
