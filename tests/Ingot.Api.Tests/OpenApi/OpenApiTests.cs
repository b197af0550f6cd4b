using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Wire;

namespace Ingot.Api.Tests.OpenApi;

public sealed class OpenApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/2.0/openapi.json", Ct);
        Assert.Equal("application/json", response.ContentType());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_with_every_registered_resource_method_and_op()
    {
        JsonElement document = await DocumentAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        JsonElement paths = document.GetProperty("paths");
        foreach (ApiResource resource in ApiCatalog.Resources)
        {
            Assert.True(paths.TryGetProperty("/" + resource.Path, out JsonElement item), $"missing {resource.Path}");
            IEnumerable<ApiAction> actions = (resource.Auth?.Actions ?? []).Concat(resource.Anon?.Actions ?? []);
            foreach (ApiAction action in actions)
            {
                Assert.True(item.TryGetProperty(action.Method.ToLowerInvariant(), out JsonElement operation), $"missing {action.Method} {resource.Path}");
                if (action.Op is { } op)
                {
                    var opParameter = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "op");
                    Assert.Contains(op, opParameter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
                    Assert.Contains(op, operation.GetProperty("x-maas-ops").EnumerateArray().Select(o => o.GetProperty("op").GetString()));
                }
            }
        }

        Assert.Equal(ApiCatalog.Resources.Count, paths.EnumerateObject().Count());
    }

    [Fact]
    public async Task Path_and_param_lines_become_parameters()
    {
        JsonElement paths = (await DocumentAsync()).GetProperty("paths");
        JsonElement tag = paths.GetProperty("/tags/{name}/");
        Assert.Equal("path", tag.GetProperty("parameters")[0].GetProperty("in").GetString());
        Assert.Equal("name", tag.GetProperty("parameters")[0].GetProperty("name").GetString());

        JsonElement post = tag.GetProperty("post");
        JsonElement op = post.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "op");
        Assert.True(op.GetProperty("required").GetBoolean());
        JsonElement form = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.True(form.TryGetProperty("add", out _));
        Assert.True(form.TryGetProperty("remove", out _));

        JsonElement query = paths.GetProperty("/events/").GetProperty("get");
        var names = query.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("hostname", names);
        Assert.Contains("limit", names);
        Assert.Equal("integer", query.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema").GetProperty("type").GetString());

        JsonElement version = paths.GetProperty("/version/").GetProperty("get");
        Assert.Empty(version.GetProperty("security")[0].EnumerateObject());
    }
}
