using System.Text.Json;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>Reading responses in tests.</summary>
public static class Responses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<string> TextAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    public static string? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString();
}
