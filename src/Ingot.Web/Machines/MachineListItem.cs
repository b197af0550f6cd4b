namespace Ingot.Web.Machines;

/// <summary>One line of the grouped list: a status group's header (with its count) or a machine.</summary>
public sealed record MachineListItem(string Group, int Count, MachineRow? Row)
{
    public bool IsHeader => Row is null;
}
