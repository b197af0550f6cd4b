using System.Text.Json;
using Ingot.Core.Hardware;

namespace Ingot.Data.Stores;

/// <summary>The <c>interfaces.params</c> column read in plain SQL: the JSON that <c>JsonColumnConverter</c> wrote (<c>{}</c> for rows from before it).</summary>
internal static class InterfaceParamsColumn
{
    public static InterfaceParams Read(string json) =>
        json is "" or "{}" ? new InterfaceParams() : JsonSerializer.Deserialize<InterfaceParams>(json) ?? new InterfaceParams();
}
