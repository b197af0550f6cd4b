namespace Ingot.Tests.Client;

/// <summary>The client test classes share one <see cref="ClientServer"/>.</summary>
[CollectionDefinition(ClientServer.Collection)]
public sealed class SharedClientServer : ICollectionFixture<ClientServer>;
