using System.Text;
using Ingot.Api.Dispatch;

namespace Ingot.Api.OpenApi;

/// <summary>The rendered OpenAPI document, built on first use (the resource table never changes while running).</summary>
internal sealed class OpenApiCache(ApiResourceTable table)
{
    private readonly Lazy<byte[]> _body = new(() => Encoding.UTF8.GetBytes(OpenApiDocument.Build(table.Resources).ToJsonString()));

    public byte[] Body => _body.Value;
}
