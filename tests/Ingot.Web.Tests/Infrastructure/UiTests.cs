namespace Ingot.Web.Tests.Infrastructure;

/// <summary>One Ingot host and one Chromium for every UI test (each test opens its own browser context).</summary>
[CollectionDefinition(Name)]
public sealed class UiTests : ICollectionFixture<UiHost>
{
    public const string Name = "ui";
}
