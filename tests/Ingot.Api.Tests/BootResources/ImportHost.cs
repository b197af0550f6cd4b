using System.Net.Http.Json;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.BootResources;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.BootResources;

/// <summary>
/// An Ingot host whose image imports give up on a silent mirror after a few seconds, with helpers that
/// replace the boot sources (the default one points outside this machine) and wait for an import.
/// </summary>
public sealed class ImportHost() : ApiHost(services => services.AddSingleton(Options))
{
    public static BootResourceImportOptions Options { get; } = new() { ConnectTimeout = TimeSpan.FromSeconds(2), ReadTimeout = TimeSpan.FromSeconds(2) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Deletes every boot source, then adds one with <paramref name="fields"/> and a selection of ubuntu on amd64 for each release.</summary>
    public static async Task UseOnlySourceAsync(HttpClient admin, (string Name, string Value)[] fields, params string[] releases)
    {
        using var list = await admin.GetAsync("MAAS/api/2.0/boot-sources/", Ct);
        foreach (JsonElement source in (await list.JsonAsync()).EnumerateArray())
        {
            using var deleted = await admin.DeleteAsync($"MAAS/api/2.0/boot-sources/{source.GetProperty("id").GetInt64()}/", Ct);
        }

        using var created = await admin.PostAsync("MAAS/api/2.0/boot-sources/", MaasMultipart.Build(fields), Ct);
        long id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        foreach (string release in releases)
        {
            using var selection = await admin.PostAsync(
                $"MAAS/api/2.0/boot-sources/{id}/selections/", MaasMultipart.Build(("os", "ubuntu"), ("release", release), ("arches", "amd64")), Ct);
            selection.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Starts an import and polls <c>op=is_importing</c> until it is false (at most a minute); returns <c>op=import_progress</c>.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient admin)
    {
        using var started = await admin.PostAsync("MAAS/api/2.0/boot-resources/?op=import", null, Ct);
        Assert.Equal("Import of boot resources started", await started.TextAsync());
        await WaitAsync(admin);
        using var progress = await admin.GetAsync("MAAS/api/2.0/boot-resources/?op=import_progress", Ct);
        return await progress.JsonAsync();
    }

    public static async Task WaitAsync(HttpClient admin)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        while (await admin.GetFromJsonAsync<bool>("MAAS/api/2.0/boot-resources/?op=is_importing", Ct))
        {
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail("The import was still running (op=is_importing true) after a minute.");
            }
        }
    }

    public static IReadOnlyList<string> Errors(JsonElement progress) =>
        [.. progress.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
}
