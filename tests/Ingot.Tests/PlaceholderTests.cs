namespace Ingot.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(Ingot.Core.Machines.Machine).IsClass);
}
