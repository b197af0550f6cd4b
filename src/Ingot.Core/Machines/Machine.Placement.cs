namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>The set-zone action: moves the machine to another zone.</summary>
    public void SetZone(string zone, DateTime now)
    {
        Zone = zone;
        Updated = now;
    }

    /// <summary>The set-pool action: moves the machine to another resource pool.</summary>
    public void SetPool(string pool, DateTime now)
    {
        Pool = pool;
        Updated = now;
    }

    /// <summary>The tag action: adds a tag (once).</summary>
    public void Tag(string tag, DateTime now)
    {
        if (!Tags.Contains(tag))
        {
            Tags.Add(tag);
        }

        Updated = now;
    }

    /// <summary>The untag action: removes a tag if present.</summary>
    public void Untag(string tag, DateTime now)
    {
        Tags.Remove(tag);
        Updated = now;
    }
}
