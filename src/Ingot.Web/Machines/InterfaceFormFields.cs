using Ingot.Core.Networks;

namespace Ingot.Web.Machines;

/// <summary>The interface forms' fields by MAAS's parameter names, turned into the <see cref="NetworkForm"/> Core's InterfaceEditing reads.</summary>
public sealed class InterfaceFormFields(IEnumerable<(string Name, string Value)> fields)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _fields = fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[f.Value.Trim()]);

    /// <summary>Adds a repeated field (such as a bond's <c>parents</c>).</summary>
    public NetworkForm With(string name, IEnumerable<string> values)
    {
        _fields[name] = [.. values];
        return this;
    }

    public static implicit operator NetworkForm(InterfaceFormFields form) => new(form._fields);
}
