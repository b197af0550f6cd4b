using Ingot.Core.Networks;

namespace Ingot.Web.Admin;

/// <summary>A page's fields by MAAS's parameter names as the <see cref="NetworkForm"/> Core's network operations read.</summary>
public static class UiNetworkForm
{
    public static NetworkForm Of(params (string Key, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value], StringComparer.Ordinal));
}
