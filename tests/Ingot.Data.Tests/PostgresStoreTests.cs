using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

/// <summary>
/// The store contract on a database of its own on the PostgreSQL server named by
/// <c>INGOT_TEST_POSTGRES</c>; skipped, with the reason, when the variable is not set.
/// </summary>
public sealed class PostgresStoreTests(PostgresTestDatabase database) : StoreContract(database), IClassFixture<PostgresTestDatabase>;
