using System.Net.Http.Headers;
using System.Text;

namespace Ingot.Client;

/// <summary>
/// Builds the HTTP request for an action as the <c>maas</c> CLI does: the URL from the handler's path
/// with the positionals filled in, <c>?op=</c> for non-CRUD actions, parameters in the query string for
/// GET and DELETE (a <c>key@=FILE</c> argument as the file's text), otherwise a <c>multipart/form-data</c>
/// body in which a <c>key@=FILE</c> argument is a base64 <c>application/octet-stream</c> field part without a
/// file name, so that the server reads it as the field <c>key</c> (<c>sshkeys create key@=~/.ssh/id_ed25519.pub</c>).
/// The one upload MAAS's CLI gives its own action, <c>boot-resources create content@=FILE</c>, goes as a file part.
/// </summary>
public static class ActionRequest
{
    public static HttpRequestMessage Build(Uri apiUrl, DescribedResource resource, DescribedAction action, ActionArguments args)
    {
        string path = resource.Path;
        for (int i = 0; i < resource.Params.Count; i++)
        {
            path = path.Replace("{" + resource.Params[i] + "}", Uri.EscapeDataString(args.Positionals[i]), StringComparison.Ordinal);
        }

        var query = new List<KeyValuePair<string, string>>();
        if (action.Op is { } op)
        {
            query.Add(new("op", op));
        }

        var method = new HttpMethod(action.Method);
        bool inQuery = method == HttpMethod.Get || method == HttpMethod.Delete;
        if (inQuery)
        {
            query.AddRange(args.Values);
            query.AddRange(args.Files.Select(f => new KeyValuePair<string, string>(f.Key, File.ReadAllText(f.Value))));
        }

        var url = new UriBuilder(apiUrl.Scheme, apiUrl.Host, apiUrl.Port, path)
        {
            Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")),
        };
        var request = new HttpRequestMessage(method, url.Uri);
        if (!inQuery && (args.Values.Count > 0 || args.Files.Count > 0))
        {
            request.Content = Body(args, upload: resource.Command == "boot-resources" && action.Name == "create" ? "content" : null);
        }

        return request;
    }

    private static MultipartFormDataContent Body(ActionArguments args, string? upload)
    {
        var body = new MultipartFormDataContent();
        foreach (var (key, value) in args.Values)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{key}\"" };
            body.Add(part);
        }

        foreach (var (key, file) in args.Files)
        {
            byte[] content = File.ReadAllBytes(file);
            HttpContent part = key == upload ? new ByteArrayContent(content) : new StringContent(Convert.ToBase64String(content));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{key}\"" };
            if (key == upload)
            {
                part.Headers.ContentDisposition.FileName = $"\"{key}\"";
            }
            else
            {
                part.Headers.Add("Content-Transfer-Encoding", "base64");
            }

            body.Add(part);
        }

        return body;
    }
}
