using System.Net;
using System.Net.Http.Headers;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// When the in-image helpers ask the region again, as MAAS's enlistment does (cloud-init's url_helper,
/// maas_api_helper): a 500, 502, 503 or 504 answer, a 408 (the server gave up reading the request: Kestrel's
/// "Reading the request body timed out due to data arriving too slowly" under load; nothing was applied), or
/// no answer at all (connection refused or broken, a timeout), is tried again after <see cref="First"/>,
/// doubling up to <see cref="Longest"/>, or after the <c>Retry-After</c> of a 503; it gives up once the waits
/// would pass <see cref="Budget"/> in all. Any other answer (a 4xx above all) is the region's word and is not
/// retried. (<c>maas_api_helper.geturl</c> asks again after any error, a 4xx too, seven times over 64 s of
/// naps; a 408 is the one 4xx a busy region gives for a request it never read.) Pure: the caller waits.
/// </summary>
public sealed record RegionRetry(TimeSpan First, TimeSpan Longest, TimeSpan Budget)
{
    /// <summary>0.2 s, doubling up to 10 s, at most two minutes of waiting in all.</summary>
    public static RegionRetry Default { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2));

    /// <summary>Whether an answer with <paramref name="status"/> (null: none came) is worth asking again.</summary>
    public static bool IsRetried(HttpStatusCode? status) =>
        status is null or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1, having waited <paramref name="waited"/> so far;
    /// null to give up (not retried, or the budget would be passed). A 503's <paramref name="retryAfter"/>
    /// (seconds or a date, read at <paramref name="now"/>) replaces the backoff.
    /// </summary>
    public TimeSpan? NextWait(int attempt, TimeSpan waited, HttpStatusCode? status, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (!IsRetried(status))
        {
            return null;
        }

        double factor = Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 30));
        TimeSpan wait = TimeSpan.FromTicks((long)Math.Min(First.Ticks * factor, Longest.Ticks));
        if (status == HttpStatusCode.ServiceUnavailable && retryAfter is not null)
        {
            TimeSpan asked = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : TimeSpan.Zero);
            wait = asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        return waited + wait > Budget ? null : wait;
    }
}
