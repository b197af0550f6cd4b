using System.Net.Sockets;
using Ingot.Core.BootResources;

namespace Ingot.BootResources;

/// <summary>
/// <see cref="IBootSourceMirror"/> over HTTP(S) and the local file system. Every HTTP connection and every
/// read is bounded (<see cref="BootResourceImportOptions"/>), so an unreachable or silent mirror fails the
/// import with a message that names it instead of hanging.
/// </summary>
public sealed class BootSourceMirror(HttpClient http, BootResourceImportOptions options) : IBootSourceMirror
{
    public async Task<Stream> OpenAsync(string location, CancellationToken ct)
    {
        if (location.StartsWith('/') || location.StartsWith("file:", StringComparison.Ordinal))
        {
            string path = location.StartsWith('/') ? location : new Uri(location).LocalPath;
            return File.Exists(path)
                ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)
                : throw new BootSourceUnreachableException($"{path} does not exist.");
        }

        using var headers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        headers.CancelAfter(options.ReadTimeout + options.ConnectTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new BootSourceUnreachableException($"{location} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var stream = new ReadTimeoutStream(await response.Content.ReadAsStreamAsync(ct), response, options.ReadTimeout);
            response = null;
            return stream;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new BootSourceUnreachableException(
                $"{location} cannot be reached: no answer within {(options.ReadTimeout + options.ConnectTimeout).TotalSeconds:0} seconds (is there a route to it, or a proxy needed?).");
        }
        catch (HttpRequestException e)
        {
            string reason = e.InnerException is SocketException socket ? socket.Message : e.Message;
            throw new BootSourceUnreachableException($"{location} cannot be reached: {reason}", e);
        }
        finally
        {
            response?.Dispose();
        }
    }
}
