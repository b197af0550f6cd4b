using System.Net;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class ErrorMappingTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> RaiseAsync(string kind)
    {
        using HttpClient client = host.Client((await host.CreateUserAsync()).ApiKey);
        return await client.PostAsync("MAAS/api/2.0/probe/?op=raise", new FormUrlEncodedContent([new("kind", kind)]), Ct);
    }

    [Fact]
    public async Task A_form_error_is_400_with_a_json_dict_of_field_to_messages()
    {
        using var response = await RaiseAsync("form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType());
        Assert.Equal("""{"foo":["No such constraint."]}""", await response.TextAsync());
    }

    [Fact]
    public async Task Cores_machine_form_errors_render_the_same_way()
    {
        using var response = await RaiseAsync("machine_form");
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'zz' is not a valid MAC address.", json.GetProperty("mac_addresses")[0].GetString());
        Assert.Equal("Select a valid choice.", json.GetProperty("architecture")[0].GetString());
    }

    [Theory]
    [InlineData("validation", HttpStatusCode.BadRequest, "No provided mac_address!")]
    [InlineData("forbidden", HttpStatusCode.Forbidden, "You do not have permission to perform this action.")]
    [InlineData("not_found", HttpStatusCode.NotFound, "No Machine matches the given query.")]
    [InlineData("conflict", HttpStatusCode.Conflict, "Machine cannot be released in its current state ('New').")]
    [InlineData("unauthorized", HttpStatusCode.Unauthorized, "You must be logged in to accept machines.")]
    [InlineData("power", HttpStatusCode.ServiceUnavailable, "Power control failed.")]
    [InlineData("bug", HttpStatusCode.InternalServerError, "Something broke.")]
    public async Task Core_refusals_are_their_status_with_the_message_as_plain_text(string kind, HttpStatusCode status, string message)
    {
        using var response = await RaiseAsync(kind);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal(message, await response.TextAsync());
        Assert.NotNull(response.Headers.Date);
    }

    [Fact]
    public async Task A_failing_external_process_is_503_with_an_integer_Retry_After()
    {
        using var response = await RaiseAsync("external");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_power_problem_is_503_without_Retry_After_as_in_MAAS()
    {
        using var response = await RaiseAsync("power");
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_missing_mandatory_parameter_is_400_No_provided()
    {
        using HttpClient client = host.Client((await host.CreateUserAsync()).ApiKey);
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=raise", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No provided kind!", await response.TextAsync());
    }
}
