using Ingot.Web.Machines;

namespace Ingot.Web.Components.Pages;

/// <summary>The machines list's filter inputs as the form binds them; <see cref="ToQuery"/> makes the query.</summary>
internal sealed class FilterForm
{
    public string Search { get; set; } = "";

    public string Status { get; set; } = "";

    public string Power { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Zone { get; set; } = "";

    public string Pool { get; set; } = "";

    public string Tag { get; set; } = "";

    public MachineListQuery ToQuery((MachineSort Column, bool Descending) sorting) => new()
    {
        Search = Search,
        Status = Status,
        Power = Power,
        Owner = Owner,
        Zone = Zone,
        Pool = Pool,
        Tag = Tag,
        Sort = sorting.Column,
        Descending = sorting.Descending,
    };

    public void Clear() => Search = Status = Power = Owner = Zone = Pool = Tag = "";
}
