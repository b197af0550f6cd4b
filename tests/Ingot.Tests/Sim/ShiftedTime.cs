namespace Ingot.Tests.Sim;

/// <summary>The system clock moved forward by <see cref="Offset"/>: Ingot's status monitor sees a status expire without a wait.</summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
