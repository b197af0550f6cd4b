using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

/// <summary>The store contract on a SQLite file of its own.</summary>
public sealed class SqliteStoreTests(SqliteTestDatabase database) : StoreContract(database), IClassFixture<SqliteTestDatabase>;
