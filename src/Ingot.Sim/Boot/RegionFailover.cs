namespace Ingot.Sim.Boot;

/// <summary>
/// Sends a request again when it broke on the wire rather than being answered (a region killed while
/// it was being served, or a pooled connection to it): the new connection goes to a region that
/// answers (<see cref="SimHttp"/>). Up to <see cref="Attempts"/> times, a little later each time. Only
/// unsigned requests: a signed one carries a nonce the dead region may have recorded, so its sender
/// signs it afresh (<see cref="Ephemeral.MetadataClient"/>).
/// </summary>
public sealed class RegionFailover(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const int Attempts = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (e.StatusCode is null && request.Headers.Authorization is null && attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }
}
