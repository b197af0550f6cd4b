using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>An <see cref="ApiHost"/> that also serves <see cref="ProbeApi"/>, with a 64 KiB body limit.</summary>
public sealed class ProbeHost() : ApiHost(services =>
{
    services.AddApiResource(ProbeApi.Collection);
    services.AddApiResource(ProbeApi.Item);
    services.Configure<ApiOptions>(o => o.MaxBodyBytes = 64 * 1024);
});
