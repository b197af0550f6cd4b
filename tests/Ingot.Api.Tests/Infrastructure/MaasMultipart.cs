using System.Text;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>
/// A request body byte for byte as the <c>maas</c> CLI and python-libmaas build it
/// (<c>apiclient/multipart.py</c>): Python's quoted <c>===============…==</c> boundary, every part a
/// <c>MIMEApplication</c> with <c>Content-Transfer-Encoding: base64</c> and a <c>MIME-Version</c>
/// header, the base64 text followed by a newline, CRLF line endings throughout.
/// </summary>
public static class MaasMultipart
{
    public const string Boundary = "===============7119980546056676194==";

    public static HttpContent Build(params (string Name, string Value)[] fields) =>
        Build(fields.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Value), (string?)null)).ToArray());

    /// <summary>Fields and files (a file has a filename, as the CLI's <c>name@=path</c> arguments).</summary>
    public static HttpContent Build((string Name, byte[] Value, string? FileName)[] parts, bool base64 = true)
    {
        var body = new StringBuilder();
        foreach ((string name, byte[] value, string? fileName) in parts)
        {
            body.Append("--").Append(Boundary).Append("\r\n");
            body.Append(fileName is null ? "Content-Type: text/plain; charset=\"utf-8\"\r\n" : "Content-Type: application/octet-stream\r\n");
            body.Append("MIME-Version: 1.0\r\n");
            if (base64)
            {
                body.Append("Content-Transfer-Encoding: base64\r\n");
            }

            body.Append("Content-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
            {
                body.Append("; filename=\"").Append(fileName).Append('"');
            }

            body.Append("\r\n\r\n");
            body.Append(base64 ? Convert.ToBase64String(value) + "\r\n" : Encoding.UTF8.GetString(value)).Append("\r\n");
        }

        body.Append("--").Append(Boundary).Append("--\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{Boundary}\"");
        content.Headers.TryAddWithoutValidation("MIME-Version", "1.0");
        return content;
    }
}
